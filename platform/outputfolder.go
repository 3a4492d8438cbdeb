package platform

// OutputFolderSafe is the folder rule of platform/results' writers when
// the app runs Privileged: dir and every folder above it are real folders
// that no standard user can change (on Windows by their DACLs, read
// without following a link; on Linux and macOS by their owners and modes).
// It returns an error wrapping ErrOutputFolderUnsafe, ErrOutputLink or
// ErrOutputNotFile, or nil. It only reads.
func OutputFolderSafe(dir string) error { return outputFolderSafe(dir) }
