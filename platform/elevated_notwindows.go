//go:build !windows

package platform

import "os"

// Outside Windows a root shell's home is root's own (sudo sets HOME on
// Debian and Ubuntu): no elevated-user case is told apart there.
func elevatedUser() bool { return false }

// privileged: root (effective user id 0); -1 where the system has none.
func privileged() bool { return os.Geteuid() == 0 }
