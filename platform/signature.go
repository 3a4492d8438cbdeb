package platform

// How a program's trust was established, in SignatureInfo.Method.
const (
	// MethodEmbedded: an Authenticode signature inside the file.
	MethodEmbedded = "embedded"
	// MethodCatalog: a signed catalog (.cat) of Windows lists the file's
	// hash, as for most files in System32.
	MethodCatalog = "catalog"
	// MethodSystemFileIdentity: no catalog could be checked (Wine has no
	// catalog database), and the file is SystemMsiexec itself: reached by
	// that exact path, the same file by its handle, in folders only
	// administrators can change (acl.AdminOnlyPath). Only msiexec is accepted so.
	MethodSystemFileIdentity = "system-file-identity"
)

// SignatureInfo is what Windows says of a program's signature: what
// platform/trust's verification found, and what app/removal judges. A
// shared type, so the doctor, the removal rules and the doors read it
// without importing the package that verifies.
type SignatureInfo struct {
	// Present: the file carries a signature, embedded or through a catalog.
	Present bool `json:"present"`
	// Trusted: Windows accepts it (WinVerifyTrust: a chain to a trusted root,
	// not revoked as far as the local cache knows, an intact file), or, with
	// MethodSystemFileIdentity, the file is the system's own msiexec.
	Trusted    bool   `json:"trusted"`
	TrustError string `json:"trustError,omitempty"`
	// Signer is the exact common name (CN) of the signing certificate's
	// subject, such as "AO Kaspersky Lab", taken from the same verification
	// that decided Trusted; for a catalog, the catalog's signer. When
	// Trusted is false it is only what the failing signature claims.
	Signer string `json:"signer,omitempty"`
	// Organization is the exact organization (O) of that subject.
	Organization string `json:"organization,omitempty"`
	// Country is the exact country (C) of that subject.
	Country string `json:"country,omitempty"`
	// Method says how Trusted was decided: MethodEmbedded, MethodCatalog or
	// MethodSystemFileIdentity; empty when nothing could be verified.
	Method string `json:"method,omitempty"`
	// RevocationUnknown: the chain verifies, but the local cache could not
	// say whether a certificate was revoked (nothing is fetched from the
	// network). A revoked certificate is never Trusted.
	RevocationUnknown bool `json:"revocationUnknown,omitempty"`
}
