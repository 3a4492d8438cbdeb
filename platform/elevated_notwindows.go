//go:build !windows

package platform

// Outside Windows a root shell's home is root's own (sudo sets HOME on
// Debian and Ubuntu): no elevated-user case is told apart there.
func elevatedUser() bool { return false }
