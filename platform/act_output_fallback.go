//go:build !windows && !unix

package platform

func privileged() bool { return false }

func outputFolderSafe(string) error { return ErrNotSupported }

func plainFileOrNothing(string) error { return ErrNotSupported }

func writeThenRename(string, string, []byte) error { return ErrNotSupported }
