using System.Runtime.CompilerServices;

// The dashboard's browser tests reach the hub and the embedded files directly.
[assembly: InternalsVisibleTo("Cutover.Dashboard.Tests")]
