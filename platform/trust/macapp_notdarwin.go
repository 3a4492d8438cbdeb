//go:build !darwin

package trust

import "transitionhelper/platform"

func verifyMacApp(string, string) error { return platform.ErrNotSupported }
