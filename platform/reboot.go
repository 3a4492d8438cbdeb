package platform

// RebootPending reports whether Windows waits for a restart to finish
// changes (RebootRequired, RebootPending, PendingFileRenameOperations).
// Elsewhere it reports false.
func RebootPending() bool { return rebootPending() }
