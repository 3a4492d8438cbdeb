//go:build !linux

package main

import "errors"

// run needs /proc, Xvfb and the Linux process probe.
func run(config) error {
	return errors.New("linux only: the report reads /proc and runs the app under Xvfb")
}
