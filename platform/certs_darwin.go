//go:build darwin

package platform

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// probeRootCertificates lists the certificates of the System keychain with
// Apple's security tool, taken from a system folder (ToolPath, never the
// PATH), with fixed arguments and no shell; it only reads.
//
// It reads every certificate, not only those `security find-certificate -c
// NAME` would pick: -c matches the certificate's label (its subject) and
// never its issuer, and a catalog signature matches either common name, so
// a certificate Kaspersky issued under another subject would be missed.
// One run of security reads the whole keychain either way; parsing a few
// hundred certificates in Go takes a few milliseconds (measured under Wine:
// 149 roots in 2-6 ms), small beside the run itself.
func probeRootCertificates(ctx context.Context, opts *Options, out *Snapshot) error {
	if opts.Roots.NoCommands {
		return fmt.Errorf("commands turned off: %w", ErrUnavailable)
	}
	if _, err := os.Stat(SystemKeychain); os.IsNotExist(err) {
		return fmt.Errorf("%w: %s", ErrUnavailable, SystemKeychain)
	}
	security, err := ToolPath("security")
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, security, "find-certificate", "-a", "-Z", "-p", SystemKeychain)
	cmd.Env = []string{"LC_ALL=C", "PATH=/usr/bin:/bin:/usr/sbin:/sbin"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if ctx.Err() != nil {
		return fmt.Errorf("running security: %w", ctx.Err())
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) && keychainEmpty(exit.ExitCode(), stderr.String()) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("running security find-certificate: %w: %s", err, truncate(strings.TrimSpace(stderr.String()), 200))
	}
	certs, err := ParseKeychainPEM(data, StoreSystemKeychain)
	out.Certificates = certs
	return err
}
