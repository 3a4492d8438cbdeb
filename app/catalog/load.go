package catalog

// Loading: decoding the catalog, and the rules across its entries (sources,
// publishers, milestones, what refers to what). A product's and its
// signatures' rules are in signatures.go, a source's list of names in
// sourcelists.go, an alternative's in alternative.go.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

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
