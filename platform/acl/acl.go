package acl

// AdminOnlyPath reports whether only administrators can change the file or
// folder at path, so that starting it elevated cannot run a standard user's
// code: its security descriptor (owner and DACL) and those of every folder
// above it up to the drive root are read (GetNamedSecurityInfo), after
// links and junctions are resolved, and judged by JudgeSDDL's rule with the
// user's own SID and the groups of this process's token (never
// Administrators or SYSTEM) added to StandardUserSIDs. When ok is false, why
// names the first object that fails and who may change it. err is set when
// the path or a descriptor cannot be read (a missing file is an error, not
// a refusal). Under Wine, where the user is the administrator, the user's
// own SID is not held against a path (see dacl_windows.go); outside Windows
// it returns platform.ErrNotSupported.
func AdminOnlyPath(path string) (ok bool, why string, err error) { return adminOnlyPath(path) }

// UserWritable reports whether the current user may create files in dir
// (on Windows: whether it fails the administrators-only rule of
// AdminOnlyPath; elsewhere access(2)): the doctor's question.
func UserWritable(dir string) (bool, error) { return userWritable(dir) }
