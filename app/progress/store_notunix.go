//go:build !unix

package progress

// openNoBlock: Windows opens no pipe through a file path in the app's
// folder (named pipes live in \\.\pipe\), and Lstat already refused links.
const openNoBlock = 0
