package acl

// OutputFolder is the folder rule of platform/results' writers when the
// app runs platform.Privileged: dir and every folder above it are real
// folders that no standard user can change (on Windows by their DACLs,
// read without following a link; on Linux and macOS by their owners and
// modes). It returns an error wrapping platform.ErrOutputFolderUnsafe,
// ErrOutputLink or ErrOutputNotFile, or nil. It only reads.
func OutputFolder(dir string) error { return outputFolder(dir) }
