namespace WorkPermit.Rules.Evaluation;

// One finding type per catalogue area. NRules sorts a fact by its type first (one type node per matched type under the
// root), then tests it against the selection nodes under that type: with one type per area, a finding is tested only
// against the rule IDs of its own area, not against every rule ID any rule matches. Rules match findings by the area
// type of the rule ID they need (for example PortOfEntryFinding for POE-01).

/// <summary>A finding of a general-requirement rule (GEN-*).</summary>
internal sealed class GeneralFinding(FindingData data) : Finding(data);

/// <summary>A finding of an inside-Canada rule (INS-*).</summary>
internal sealed class InsideCanadaFinding(FindingData data) : Finding(data);

/// <summary>A finding of an outside-Canada rule (OUT-*).</summary>
internal sealed class OutsideCanadaFinding(FindingData data) : Finding(data);

/// <summary>A finding of a port-of-entry rule (POE-*, POE-EXC-*, POE-ES-*).</summary>
internal sealed class PortOfEntryFinding(FindingData data) : Finding(data);

/// <summary>A finding of an open-permit rule (OWP-*).</summary>
internal sealed class OpenPermitFinding(FindingData data) : Finding(data);

/// <summary>A finding of an employer or LMIA rule (LMIA-*).</summary>
internal sealed class EmployerFinding(FindingData data) : Finding(data);

/// <summary>A finding of a medical-exam rule (IME-*).</summary>
internal sealed class MedicalFinding(FindingData data) : Finding(data);

/// <summary>A finding of a biometrics rule (BIO-*).</summary>
internal sealed class BiometricsFinding(FindingData data) : Finding(data);

/// <summary>A finding of a rule about what follows an application (AFT-*).</summary>
internal sealed class AfterApplyingFinding(FindingData data) : Finding(data);
