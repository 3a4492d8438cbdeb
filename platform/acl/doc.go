// Package acl judges who could change a file or folder, and only reads.
//
// Its one rule, on security descriptors: a standard user (Everyone,
// Authenticated Users, Users, INTERACTIVE, this process's user and groups)
// may hold no right that lets them change the object, and everyone who may
// change it must be SYSTEM, Administrators or a service (an allow-list, so
// another standard user's folder is refused too). It is pure in dacl.go
// (JudgeSDDL, JudgeAdminOnlySDDL, tested on SDDL shaped like real
// Windows on every system) and fed real descriptors on Windows:
//   - AdminOnlyPath: a program and every folder above it, before it may be
//     started elevated (app/removal's placement check), before the msiexec
//     identity is trusted (platform/trust) and before a protection claim
//     rests on a running program (the scan, through platform.Options.AdminOnly);
//   - OutputFolder: a folder the app writes a result into when it runs
//     with administrator rights (platform/results; owners and modes on
//     Linux and macOS);
//   - JudgeResultFolder: detect.ps1's rule for IT's results folder, in Go;
//   - UserWritable: the doctor's question.
//
// Under Wine, where the user is the administrator, the user's own SID is
// not held against a path (dacl_windows.go). It imports only platform.
package acl
