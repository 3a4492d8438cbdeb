package catalog

// A product's rules, and its signatures': a known system and kind, a source,
// and a pattern anchored at both ends (or, for a leftover, a path in a known
// folder).

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

var (
	placeholder = regexp.MustCompile(`\{[^}]*\}`)
	// KnownFolders are the placeholders a leftover path may use; platform expands them.
	KnownFolders = []string{"{ProgramData}", "{ProgramFiles}", "{ProgramFilesX86}", "{AppData}", "{LocalAppData}", "{Home}"}
	kinds        = []string{KindProcess, KindService, KindProgram, KindPackage, KindBundleID, KindLaunchd, KindRegistry, KindSecurityCenter, KindLeftover, KindRootCertificate}
	oses         = []string{OSWindows, OSDarwin, OSLinux}
	roles        = []string{RoleRemove, RoleReplacement, RoleProtection}
	userData     = []string{DataPasswords, DataVPN, DataParentalControls}
)

func (c *Catalog) validateProduct(p *Product) error {
	if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Vendor) == "" {
		return errors.New("needs a name and a vendor")
	}
	if !slices.Contains(roles, p.Role) {
		return fmt.Errorf("unknown role %q", p.Role)
	}
	if p.Component == "" {
		return errors.New("no component")
	}
	for _, d := range p.UserData {
		if !slices.Contains(userData, d) {
			return fmt.Errorf("unknown user data %q", d)
		}
	}
	if err := checkHTTPS(p.Website); err != nil {
		return fmt.Errorf("website: %w", err)
	}
	if len(p.Signatures) == 0 {
		return errors.New("no signatures")
	}
	for i := range p.Signatures {
		s := &p.Signatures[i]
		if err := c.compile(s); err != nil {
			return fmt.Errorf("signature %d (%s %s): %w", i, s.OS, s.Kind, err)
		}
		if err := c.CheckListed(s); err != nil {
			return fmt.Errorf("signature %d (%s %s): %w", i, s.OS, s.Kind, err)
		}
	}
	p.excludes = nil
	for _, x := range p.Excludes {
		re, err := compileAnchored(x, true)
		if err != nil {
			return fmt.Errorf("exclusion: %w", err)
		}
		p.excludes = append(p.excludes, re)
	}
	return nil
}

// compileAnchored compiles an anchored pattern, case-insensitive if fold.
func compileAnchored(pattern string, fold bool) (*regexp.Regexp, error) {
	if len(pattern) < 3 || !strings.HasPrefix(pattern, "^") || !strings.HasSuffix(pattern, "$") || strings.HasSuffix(pattern, `\$`) || topLevelAlternation(pattern) {
		return nil, fmt.Errorf("pattern %q is not anchored with ^ and $ at both ends", pattern)
	}
	expr := pattern
	if fold {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	return re, nil
}

func (c *Catalog) compile(s *Signature) error {
	if !slices.Contains(oses, s.OS) {
		return fmt.Errorf("unknown os %q", s.OS)
	}
	if !slices.Contains(kinds, s.Kind) {
		return fmt.Errorf("unknown kind %q", s.Kind)
	}
	if err := c.checkSourced(s.Source, s.Confidence); err != nil {
		return err
	}
	if s.Kind == KindLeftover {
		if s.Match != "" || s.Path == "" {
			return errors.New("a leftover needs a path and no match")
		}
		for _, ph := range placeholder.FindAllString(s.Path, -1) {
			if !slices.Contains(KnownFolders, ph) {
				return fmt.Errorf("path %q: unknown folder %s", s.Path, ph)
			}
		}
		if !strings.HasPrefix(s.Path, "/") && !strings.HasPrefix(s.Path, "{") {
			return fmt.Errorf("path %q is not absolute", s.Path)
		}
		return nil
	}
	if s.Path != "" {
		return errors.New("only a leftover has a path")
	}
	if s.Window && s.Kind != KindProcess {
		return errors.New("only a process signature names a window or tray program")
	}
	if len(s.Match) < 3 || !strings.HasPrefix(s.Match, "^") || !strings.HasSuffix(s.Match, "$") || strings.HasSuffix(s.Match, `\$`) {
		return fmt.Errorf("pattern %q is not anchored with ^ and $", s.Match)
	}
	expr := s.Match
	if s.OS != OSLinux {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return fmt.Errorf("pattern %q: %w", s.Match, err)
	}
	// An alternation at the top level ("^a|b$") anchors only its ends.
	if topLevelAlternation(s.Match) {
		return fmt.Errorf("pattern %q: wrap alternatives in a group so both anchors apply", s.Match)
	}
	s.re = re
	return nil
}

// topLevelAlternation reports whether pattern has a | outside any group.
func topLevelAlternation(pattern string) bool {
	depth := 0
	inClass := false
	for i := 0; i < len(pattern); i++ {
		switch ch := pattern[i]; {
		case ch == '\\':
			i++
		case inClass:
			if ch == ']' {
				inClass = false
			}
		case ch == '[':
			inClass = true
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case ch == '|' && depth == 0:
			return true
		}
	}
	return false
}
