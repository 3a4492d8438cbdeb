package platform

// ElevatedUser reports whether this app runs with a signed-in user's
// elevated token ("Run as administrator"), not as SYSTEM. Then every folder
// of the user's profile (%APPDATA%, where the guided app keeps its
// progress, "Start over" deletes it, and the text guide is written) is
// also a folder of that user's unelevated programs: a junction and an
// object link there turn a write or a delete by name into one anywhere,
// with administrator rights. The window and `uninstall` do not run then.
// SYSTEM (IT scripts) writes into its own profile and is not this case.
//
// Under Wine every process is elevated and the user is the administrator
// (no unelevated side exists), told by ntdll's wine_get_version as for the
// DACL rule (platform/acl): false there, so the Wine tests and the
// packaged exe run; no variable, tag or file turns this off on Windows.
// Outside Windows false. A seam for tests.
var ElevatedUser = elevatedUser

// Privileged reports whether this process runs with administrator rights:
// an elevated token or SYSTEM on Windows (always true under Wine), root
// (effective user id 0) elsewhere. A seam for tests.
var Privileged = privileged
