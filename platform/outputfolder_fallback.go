//go:build !windows && !unix

package platform

func outputFolderSafe(string) error { return ErrNotSupported }
