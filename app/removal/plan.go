// Package removal decides how to remove a Kaspersky product with its own
// uninstaller, and whether that uninstaller may be started: the command
// comes from the product's Uninstall entry, parsed, never through a shell;
// the program must sit where installed programs live and be signed by the
// vendor the catalog names. It has no widgets and no system calls: the
// platform's are passed in.
package removal

// Plans: what to start for one finding, and on which system's rules.

import (
	"errors"
	"fmt"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
)

// Kinds of plan.
const (
	KindMSI      = "msi"      // msiexec.exe /x {ProductCode}
	KindExe      = "exe"      // the product's own uninstaller program
	KindPackages = "packages" // Linux packages, removed through pkexec
	KindMacApp   = "mac-app"  // a macOS uninstaller app, opened
)

// ErrRefused wraps every reason not to start an uninstaller.
var ErrRefused = errors.New("refused")

// Plan is one uninstaller to start, and why it was trusted.
type Plan struct {
	ProductID string   `json:"productId"`
	Product   string   `json:"product"`
	Kind      string   `json:"kind"`
	Program   string   `json:"program"`
	Args      []string `json:"args"`
	// Elevate asks for administrator rights (the UAC prompt) to start it.
	Elevate bool `json:"elevate"`
	// Signers are the certificate names Program must be signed by (Windows).
	Signers []string `json:"signers,omitempty"`
	// Subjects pin the O and C of those signers where the catalog cites them.
	Subjects []catalog.Subject `json:"subjects,omitempty"`
	// From is where the command came from (a registry key, a package database).
	From string `json:"from"`
	// Why lists the checks it passed, for Details and --dry-run.
	Why               []string `json:"why"`
	PasswordProtected bool     `json:"passwordProtected,omitempty"`
	// Vendor is whose product a Windows Installer plan removes, asked of
	// Windows Installer again before the start.
	Vendor string `json:"vendor,omitempty"`
	// AlsoRemoves lists the packages removed with the product's own
	// because they depend on them (Linux), for the question.
	AlsoRemoves []string `json:"alsoRemoves,omitempty"`
}

// CommandLine shows the plan as one line, quoted for reading.
func (p Plan) CommandLine() string {
	parts := []string{quote(p.Program)}
	for _, a := range p.Args {
		parts = append(parts, quote(a))
	}
	return strings.Join(parts, " ")
}

func quote(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\"") {
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	return s
}

func refuse(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrRefused}, args...)...)
}

// PlanFor plans the removal of one finding.
func PlanFor(cat *catalog.Catalog, f detect.Finding, env Computer) (Plan, error) {
	if f.Role != catalog.RoleRemove {
		return Plan{}, refuse("%s is not a product to remove", f.Name)
	}
	var (
		p   Plan
		err error
	)
	switch env.Folders().GOOS {
	case "windows":
		p, err = planWindows(cat, f, env)
	case "linux":
		p, err = planLinux(f, env)
	case "darwin":
		p, err = planMac(cat, f, env)
	default:
		err = refuse("removal is not supported on %s", env.Folders().GOOS)
	}
	p.ProductID, p.Product, p.PasswordProtected = f.ProductID, f.Name, f.PasswordProtected
	return p, err
}
