package catalog

// Loading and validation: every rule the embedded data must pass.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"transitionhelper/assets"
)

// Embedded loads the catalog compiled into the binary.
func Embedded() (*Catalog, error) {
	return Load(assets.CatalogJSON)
}

// Load parses and validates a catalog. Every error wraps ErrInvalid and, for an
// entry at fault, names it.
func Load(data []byte) (*Catalog, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: data after the catalog object", ErrInvalid)
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if fs := c.Facts(); len(fs) > 0 {
		c.factsChecked = fs[0].Checked
	}
	return &c, nil
}

var (
	idPattern     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	teamIDPattern = regexp.MustCompile(`^[A-Z0-9]{10}$`)
	// countryPattern is an X.509 country (C): ISO 3166 two letters.
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
	placeholder    = regexp.MustCompile(`\{[^}]*\}`)
	// KnownFolders are the placeholders a leftover path may use; platform expands them.
	KnownFolders = []string{"{ProgramData}", "{ProgramFiles}", "{ProgramFilesX86}", "{AppData}", "{LocalAppData}", "{Home}"}
	kinds        = []string{KindProcess, KindService, KindProgram, KindPackage, KindBundleID, KindLaunchd, KindRegistry, KindSecurityCenter, KindLeftover, KindRootCertificate}
	oses         = []string{OSWindows, OSDarwin, OSLinux}
	roles        = []string{RoleRemove, RoleReplacement, RoleProtection}
	userData     = []string{DataPasswords, DataVPN, DataParentalControls}
)

func (c *Catalog) validate() error {
	if c.Schema != SchemaVersion {
		return fmt.Errorf("schema %d, want %d", c.Schema, SchemaVersion)
	}
	if len(c.Products) == 0 {
		return errors.New("no products")
	}
	c.sources = make(map[string]*Source, len(c.Sources))
	for i := range c.Sources {
		s := &c.Sources[i]
		if err := checkID(s.ID, c.sources); err != nil {
			return fmt.Errorf("source %d: %w", i, err)
		}
		if strings.TrimSpace(s.Title) == "" {
			return fmt.Errorf("source %q: no title", s.ID)
		}
		if err := checkHTTPS(s.URL); err != nil {
			return fmt.Errorf("source %q: %w", s.ID, err)
		}
		if err := checkLists(s); err != nil {
			return fmt.Errorf("source %q: %w", s.ID, err)
		}
		c.sources[s.ID] = s
	}
	for i, p := range c.Publishers {
		if strings.TrimSpace(p.Vendor) == "" || len(p.Signers)+len(p.TeamIDs) == 0 || slices.Contains(p.Signers, "") {
			return fmt.Errorf("publisher %d (%q): needs a vendor and signer names or team ids", i, p.Vendor)
		}
		for _, id := range p.TeamIDs {
			if !teamIDPattern.MatchString(id) {
				return fmt.Errorf("publisher %q: team id %q is not ten capital letters and digits", p.Vendor, id)
			}
		}
		if err := c.checkSourced(p.Source, p.Confidence); err != nil {
			return fmt.Errorf("publisher %q: %w", p.Vendor, err)
		}
		for _, s := range p.Subjects {
			switch {
			case !slices.Contains(p.Signers, s.CN):
				return fmt.Errorf("publisher %q: subject %q is not one of its signers", p.Vendor, s.CN)
			case s.O == "" && s.C == "":
				return fmt.Errorf("publisher %q: subject %q pins neither O nor C", p.Vendor, s.CN)
			case s.C != "" && !countryPattern.MatchString(s.C):
				return fmt.Errorf("publisher %q: subject %q: country %q is not two capital letters", p.Vendor, s.CN, s.C)
			}
			if err := c.checkSourced(s.Source, s.Confidence); err != nil {
				return fmt.Errorf("publisher %q: subject %q: %w", p.Vendor, s.CN, err)
			}
		}
	}
	seen := map[string]*Milestone{}
	for i, m := range c.Milestones {
		if err := checkID(m.ID, seen); err != nil {
			return fmt.Errorf("milestone %d: %w", i, err)
		}
		seen[m.ID] = &c.Milestones[i]
		if m.At.IsZero() || m.Kind == "" || m.Title == "" || m.Jurisdiction == "" || m.TimeZone == "" {
			return fmt.Errorf("milestone %q: needs at, kind, title, timezone and jurisdiction", m.ID)
		}
		if err := c.checkSourced(m.Source, m.Confidence); err != nil {
			return fmt.Errorf("milestone %q: %w", m.ID, err)
		}
		if !isDate(m.Checked) {
			return fmt.Errorf("milestone %q: checked %q is not the day its source was read (YYYY-MM-DD)", m.ID, m.Checked)
		}
	}
	alt := map[string]*Alternative{}
	for i, a := range c.Alternatives {
		if err := checkID(a.ID, alt); err != nil {
			return fmt.Errorf("alternative %d: %w", i, err)
		}
		alt[a.ID] = &c.Alternatives[i]
		if err := c.validateAlternative(a); err != nil {
			return fmt.Errorf("alternative %q: %w", a.ID, err)
		}
	}
	c.products = make(map[string]*Product, len(c.Products))
	for i := range c.Products {
		p := &c.Products[i]
		if err := checkID(p.ID, c.products); err != nil {
			return fmt.Errorf("product %d: %w", i, err)
		}
		c.products[p.ID] = p
		if err := c.validateProduct(p); err != nil {
			return fmt.Errorf("product %q: %w", p.ID, err)
		}
	}
	for _, a := range c.Alternatives {
		if a.Product != "" && c.products[a.Product] == nil {
			return fmt.Errorf("alternative %q: unknown product %q", a.ID, a.Product)
		}
	}
	for _, p := range c.Products {
		if p.Refines == "" {
			continue
		}
		base := c.products[p.Refines]
		switch {
		case base == nil:
			return fmt.Errorf("product %q: refines unknown product %q", p.ID, p.Refines)
		case base.Refines != "":
			return fmt.Errorf("product %q: refines %q, which refines another product itself", p.ID, p.Refines)
		case base.Role != p.Role:
			return fmt.Errorf("product %q: role %q differs from the product it refines", p.ID, p.Role)
		}
	}
	return nil
}

func (c *Catalog) validateAlternative(a Alternative) error {
	if strings.TrimSpace(a.Owner) == "" {
		return fmt.Errorf("no owner")
	}
	if len(a.FreeIncludes)+len(a.FreePlatforms) > 0 && !a.Free {
		return fmt.Errorf("a free tier is described but free is false")
	}
	for _, f := range a.FreeIncludes {
		if !slices.Contains(a.Includes, f) {
			return fmt.Errorf("free tier includes %q, which the product does not", f)
		}
	}
	for _, p := range a.FreePlatforms {
		if !slices.Contains(a.Platforms, p) {
			return fmt.Errorf("free tier runs on %q, which the product does not", p)
		}
	}
	for f, ps := range a.FeaturePlatforms {
		if !slices.Contains(a.Includes, f) {
			return fmt.Errorf("feature %q is limited but not included", f)
		}
		for _, p := range ps {
			if !slices.Contains(a.Platforms, p) {
				return fmt.Errorf("feature %q on %q, which the product does not run on", f, p)
			}
		}
	}
	if strings.TrimSpace(a.Name) == "" || strings.TrimSpace(a.Country) == "" {
		return errors.New("needs a name and a country")
	}
	if len(a.Platforms) == 0 || !a.Free && !a.Paid {
		return errors.New("needs platforms and a free or paid tier")
	}
	for _, p := range a.Platforms {
		if !slices.Contains(devices, p) {
			return fmt.Errorf("unknown platform %q", p)
		}
	}
	for _, f := range a.Includes {
		if !slices.Contains(features, f) {
			return fmt.Errorf("unknown feature %q", f)
		}
	}
	if a.Checked != "" {
		if _, err := time.Parse("2006-01-02", a.Checked); err != nil {
			return fmt.Errorf("checked %q is not a date", a.Checked)
		}
	}
	if err := checkHTTPS(a.Website); err != nil {
		return fmt.Errorf("website: %w", err)
	}
	if err := c.checkSourced(a.Source, a.Confidence); err != nil {
		return err
	}
	if err := c.validatePhoneAndParts(a); err != nil {
		return err
	}
	return c.validateChecks(a)
}

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

// checkLists checks a source's list of names: a kind and names, or neither.
func checkLists(s *Source) error {
	if s.ListKind == "" && len(s.Lists) == 0 {
		return nil
	}
	if s.ListKind != KindProcess && s.ListKind != KindService {
		return fmt.Errorf("listKind %q is not process or service", s.ListKind)
	}
	if len(s.Lists) == 0 {
		return errors.New("listKind without lists")
	}
	seen := map[string]bool{}
	for _, n := range s.Lists {
		k := strings.ToLower(n)
		if n == "" || strings.TrimSpace(n) != n || strings.ContainsAny(n, "\t\n") {
			return fmt.Errorf("list name %q is empty or has surrounding spaces", n)
		}
		if seen[k] {
			return fmt.Errorf("list name %q is listed twice", n)
		}
		seen[k] = true
	}
	return nil
}

// CheckListed checks a confirmed or reported signature against the list of
// the source it cites, if that source is a list of names of its kind: the
// pattern must match a listed name, and in a pattern of alternatives
// ("^(a|b)\.exe$") every alternative must. A signature of another kind
// cannot cite a list as confirmed or reported.
func (c *Catalog) CheckListed(s *Signature) error {
	src := c.sources[s.Source]
	if src == nil || len(src.Lists) == 0 || s.Confidence == Unverified {
		return nil
	}
	if s.Kind != src.ListKind {
		return fmt.Errorf("%s signature %q is %s by %q, a list of %s names", s.Kind, s.Match, s.Confidence, src.ID, src.ListKind)
	}
	for _, alt := range alternatives(s.Match) {
		re, err := compileAnchored(alt, s.OS != OSLinux)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(src.Lists, re.MatchString) {
			return fmt.Errorf("%s: %q lists no name %s matches, yet it is %s", s.Match, src.ID, alt, s.Confidence)
		}
	}
	return nil
}

// alternatives splits "^(a|b)suffix$" into "^asuffix$" and "^bsuffix$"; any
// other pattern is returned as it is.
func alternatives(pattern string) []string {
	body := strings.TrimSuffix(strings.TrimPrefix(pattern, "^"), "$")
	if !strings.HasPrefix(body, "(") || strings.HasPrefix(body, "(?") {
		return []string{pattern}
	}
	depth, end := 0, -1
	var cuts []int
	for i := 0; i < len(body) && end < 0; i++ {
		switch body[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				end = i
			}
		case '|':
			if depth == 1 {
				cuts = append(cuts, i)
			}
		}
	}
	suffix := body[end+1:]
	if end < 0 || len(cuts) == 0 || strings.HasPrefix(suffix, "?") || strings.HasPrefix(suffix, "*") || strings.HasPrefix(suffix, "+") || strings.HasPrefix(suffix, "{") {
		return []string{pattern}
	}
	var out []string
	start := 1
	for _, cut := range append(cuts, end) {
		out = append(out, "^"+body[start:cut]+suffix+"$")
		start = cut + 1
	}
	return out
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

func (c *Catalog) checkSourced(source, confidence string) error {
	if source == "" {
		return errors.New("no source")
	}
	if c.sources[source] == nil {
		return fmt.Errorf("unknown source %q", source)
	}
	if !slices.Contains([]string{Confirmed, Reported, Unverified}, confidence) {
		return fmt.Errorf("confidence %q is not confirmed, reported or unverified", confidence)
	}
	return nil
}

func checkID[T any](id string, seen map[string]*T) error {
	if !idPattern.MatchString(id) {
		return fmt.Errorf("id %q is not lower-case words joined by dashes", id)
	}
	if _, dup := seen[id]; dup {
		return fmt.Errorf("id %q is used twice", id)
	}
	return nil
}

func checkHTTPS(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("link %q: %w", raw, err)
	}
	if u.Scheme != "https" || u.Host == "" || u.User != nil {
		return fmt.Errorf("link %q is not a plain https link", raw)
	}
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
