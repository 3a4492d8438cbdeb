package removal

// Trust: whether a planned program may be started. Its signature (the
// vendor the catalog names, pinned on O and C where a source shows them)
// and its place (admin-only folders where installed programs live), judged
// when the plan is made and again on the file held open at the start.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

// JudgeSignature says whether a plan's program may be started, given its signature.
// Only Windows programs are checked; nil means start it. The signer must be
// one the catalog lists, to the letter (the certificate's exact CN), with
// the exact O and C the catalog pins for that CN where a source shows them. The
// system's own msiexec is signed through Windows' catalogs; where none can
// be checked (Wine) it is accepted by its identity alone, and only it.
func JudgeSignature(p Plan, sig platform.SignatureInfo) error {
	if p.Kind != KindMSI && p.Kind != KindExe {
		return nil
	}
	switch {
	case sig.Method == platform.MethodSystemFileIdentity:
		if p.Kind != KindMSI || !sig.Trusted {
			return refuse("%s is not signed, and only Windows' own msiexec is accepted without a signature", p.Program)
		}
		return nil
	case !sig.Present:
		return refuse("%s is not signed", p.Program)
	case !slices.Contains(p.Signers, sig.Signer):
		return refuse("%s is signed by %q, not by %s", p.Program, sig.Signer, strings.Join(p.Signers, " or "))
	case pinMismatch(p.Subjects, sig) != "":
		return refuse("%s is signed by %q %s", p.Program, sig.Signer, pinMismatch(p.Subjects, sig))
	case !sig.Trusted:
		return refuse("the signature of %s does not verify: %s", p.Program, sig.TrustError)
	}
	return nil
}

// pinMismatch says how the signer's O or C differs from what the catalog
// pins for its CN, to the letter; "" when it does not.
func pinMismatch(pins []catalog.Subject, sig platform.SignatureInfo) string {
	for _, s := range pins {
		if s.CN != sig.Signer {
			continue
		}
		if s.O != "" && sig.Organization != s.O {
			return fmt.Sprintf("with organization %q, not %q", sig.Organization, s.O)
		}
		if s.C != "" && sig.Country != s.C {
			return fmt.Sprintf("with country %q, not %q", sig.Country, s.C)
		}
	}
	return ""
}

// SignatureWords says in one line how a program's signature was trusted.
func SignatureWords(sig platform.SignatureInfo) string {
	switch sig.Method {
	case platform.MethodSystemFileIdentity:
		return "Windows' own msiexec.exe, trusted by its identity: no signature catalog could be checked here"
	case platform.MethodCatalog:
		return fmt.Sprintf("signed by %s through a Windows catalog, and Windows trusts the signature", sig.Signer)
	}
	return fmt.Sprintf("signed by %s, and Windows trusts the signature", sig.Signer)
}

// CheckPlacement repeats, just before the start, the checks of the plan that the
// file's signature does not cover: the program (by finalPath, where the
// file held open really is) still lies where only administrators can
// change it, and a Windows Installer product is still the vendor's,
// installed for all users. Between the question and the start a folder or
// link may have been changed.
func CheckPlacement(p Plan, finalPath string, env Computer) error {
	if p.Kind != KindMSI && p.Kind != KindExe {
		return nil
	}
	if err := placement(p.Program, finalPath, env); err != nil {
		return err
	}
	if p.Kind == KindMSI {
		if len(p.Args) != 2 || p.Args[0] != "/x" {
			return refuse("msiexec with %q", p.Args)
		}
		if _, err := installedBy(p.Args[1], p.Vendor, env); err != nil {
			return err
		}
	}
	return nil
}

// checkProgram: absolute, an existing .exe, the system's msiexec.exe or
// under Program Files or Program Files (x86) — never in a folder the entry
// names for itself — and in folders only administrators can change
// (AdminOnly on the file and every folder above it).
func checkProgram(p *Plan, env Computer) error {
	prog := p.Program
	if !isAbsWindows(prog) {
		return refuse("%q is not a full path", prog)
	}
	clean := winClean(prog)
	if !strings.HasSuffix(strings.ToLower(clean), ".exe") {
		return refuse("%q is not a program (.exe)", prog)
	}
	if !env.FileExists(clean) {
		return refuse("%q does not exist", prog)
	}
	p.Program = clean
	if err := placement(clean, clean, env); err != nil {
		return err
	}
	p.Why = append(p.Why, "the program exists, "+where(clean, env)+", and only administrators can change it or the folders above it")
	return nil
}

// where names the allowed place a program is in, or "".
func where(prog string, env Computer) string {
	switch {
	case env.Folders().SystemMsiexec != "" && strings.EqualFold(prog, winClean(env.Folders().SystemMsiexec)):
		return "Windows' own msiexec.exe"
	case under(prog, env.Folders().ProgramFiles):
		return "inside " + env.Folders().ProgramFiles
	case under(prog, env.Folders().ProgramFilesX86):
		return "inside " + env.Folders().ProgramFilesX86
	}
	return ""
}

// placement: the program (named prog; really at final) is the system's
// msiexec or under Program Files, and only administrators can change it
// or any folder above it.
func placement(prog, final string, env Computer) error {
	final = winClean(final)
	if where(final, env) == "" {
		return refuse("%q is outside Program Files: it is not started with administrator rights", final)
	}
	if !strings.EqualFold(winClean(prog), final) && where(prog, env) == "" {
		return refuse("%q is outside Program Files", prog)
	}
	ok, why, err := env.AdminOnly(final)
	switch {
	case errors.Is(err, ErrCannotCheck):
		return refuse("who may change %q cannot be checked here", final)
	case err != nil:
		return refuse("who may change %q cannot be read: %w", final, err)
	case !ok:
		return refuse("%q can be changed without administrator rights: %s", final, why)
	}
	return nil
}

func isAbsWindows(p string) bool {
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z'))
}

// under reports whether path is inside dir (case-insensitive, as Windows is).
func under(path, dir string) bool {
	if dir == "" {
		return false
	}
	d := strings.ToLower(strings.TrimRight(winClean(dir), `\`)) + `\`
	return strings.HasPrefix(strings.ToLower(winClean(path)), d)
}

// vendorNamed reports whether a name given by Windows Installer is the
// vendor's: "AO Kaspersky Lab", "Kaspersky Password Manager" for Kaspersky.
func vendorNamed(s, vendor string) bool {
	return vendor != "" && slices.Contains(strings.Fields(strings.ToLower(s)), strings.ToLower(vendor))
}
