// Package results writes the files the app is asked to leave behind: a
// result the user or IT named (scan --output, --summary-output, report
// --output: WriteFileAtomic, all or nothing, never through a link, and
// when the app runs with administrator rights only into a folder no
// standard user can change), and a private file only this user may read
// (the converted passwords: CreatePrivateFile, created new with its
// permissions set from the first moment).
//
// It changes the computer, so only app/service and main import it (as
// app/internal/deptest holds them to). It imports platform (the shared
// errors: ErrOutputFolderUnsafe, ErrOutputLink, ErrFileExists, …; and
// Privileged) and platform/acl, whose OutputFolder is the folder rule.
package results
