//go:build !darwin

package platform

func verifyMacApp(string, string) error { return ErrNotSupported }
