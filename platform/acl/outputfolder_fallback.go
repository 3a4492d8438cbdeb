//go:build !windows && !unix

package acl

import "transitionhelper/platform"

func outputFolder(string) error { return platform.ErrNotSupported }
