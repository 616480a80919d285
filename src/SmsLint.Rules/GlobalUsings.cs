// The namespaces nearly every rule reads: the engine it reports through, the findings it builds,
// and the snapshot model it checks. A rule file names only what it needs beyond these.
global using SmsLint.Engine;
global using SmsLint.Findings;
global using SmsLint.Model;
