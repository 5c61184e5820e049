using Amazon.CDK;
using Cutover.Aws;

// The CDK app: `cdk synth` in this folder runs it (cdk.json), and so does bench/synth. Settings come from CDK context.
JsiiEnvironment.Silence();
return CutoverPlatform.Synthesize(new App(), Console.Out, Console.Error);
