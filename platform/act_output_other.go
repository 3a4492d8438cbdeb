//go:build !windows && !unix

package platform

func privileged() bool { return false }

func writeFileAtomic(string, []byte) error { return ErrNotSupported }
