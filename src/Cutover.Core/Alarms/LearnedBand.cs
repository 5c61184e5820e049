namespace Cutover.Core.Alarms;

/// <summary>The band one datapoint is judged against, learned by <see cref="AnomalyBand.Learn"/> from the datapoints before it.</summary>
/// <param name="Lower">Mean − width × deviation.</param>
/// <param name="Upper">Mean + width × deviation.</param>
/// <param name="Mean">The mean of the training datapoints.</param>
/// <param name="Deviation">Their sample standard deviation, raised to the floor that keeps a flat history from alarming on noise.</param>
/// <param name="Datapoints">How many datapoints it was learned from.</param>
public sealed record LearnedBand(double Lower, double Upper, double Mean, double Deviation, int Datapoints);
