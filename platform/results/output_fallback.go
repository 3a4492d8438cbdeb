//go:build !windows && !unix

package results

import "transitionhelper/platform"

func plainFileOrNothing(string) error { return platform.ErrNotSupported }

func writeThenRename(string, string, []byte) error { return platform.ErrNotSupported }
