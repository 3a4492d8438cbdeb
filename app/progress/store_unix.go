//go:build unix

package progress

import (
	"syscall"
)

// openNoBlock opens a pipe without waiting for a writer and refuses a
// symbolic link put in the file's place after it was checked.
const openNoBlock = syscall.O_NONBLOCK | syscall.O_NOFOLLOW
