package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestEmbeddedLoads(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{
		"kaspersky", "kaspersky-anti-virus", "kaspersky-internet-security", "kaspersky-total-security",
		"kaspersky-standard", "kaspersky-plus", "kaspersky-premium", "kaspersky-security-cloud", "kaspersky-free",
		"kaspersky-password-manager", "kaspersky-vpn", "kaspersky-safe-kids", "kaspersky-endpoint-windows",
		"kaspersky-endpoint-linux", "kaspersky-endpoint-mac", "kaspersky-network-agent", "kaspersky-windows-server",
		"ultraav", "ultravpn", "microsoft-defender", "bitdefender", "norton", "eset", "malwarebytes", "avast",
		"avg", "mcafee", "trend-micro", "sophos", "webroot",
	} {
		if c.Product(id) == nil {
			t.Errorf("product %q missing from the catalog", id)
		}
	}
	m := c.Milestone("updates-end")
	if m == nil {
		t.Fatal("no updates-end milestone")
	}
	if got := m.At.UTC().Format("2006-01-02T15:04"); got != "2024-09-29T04:00" {
		t.Errorf("updates end at %s UTC, want 2024-09-29T04:00 (midnight US Eastern)", got)
	}
	if m.Jurisdiction != "US" || c.Source(m.Source) == nil {
		t.Errorf("updates-end: jurisdiction %q, source %q", m.Jurisdiction, m.Source)
	}
	if s := c.Milestone("sales-end"); s == nil || s.At.Format("2006-01-02") != "2024-07-20" {
		t.Errorf("sales-end milestone wrong: %+v", s)
	}
}

func TestSignatureMatching(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	find := func(product, goos, kind string) []Signature {
		var out []Signature
		for _, s := range c.Product(product).Signatures {
			if s.OS == goos && s.Kind == kind {
				out = append(out, s)
			}
		}
		return out
	}
	any := func(sigs []Signature, v string) bool {
		for i := range sigs {
			if sigs[i].Matches(v) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		product, goos, kind, value string
		want                       bool
	}{
		{"kaspersky", "windows", KindProcess, "avp.exe", true},
		{"kaspersky", "windows", KindProcess, "AVP.EXE", true},
		{"kaspersky", "windows", KindProcess, "kavremover.exe", false},
		{"kaspersky", "windows", KindProcess, "xavp.exe", false},
		{"kaspersky", "windows", KindService, "AVP21.3", true},
		{"kaspersky", "windows", KindService, "AVP30", true},
		{"kaspersky", "windows", KindService, "AVPX", false},
		{"kaspersky", "windows", KindService, "klif", true},
		{"kaspersky", "darwin", KindLaunchd, "com.kaspersky.kav.gui", true},
		{"kaspersky", "darwin", KindLaunchd, "com.kaspersky.kavremover", false},
		{"kaspersky-internet-security", "windows", KindProgram, "Kaspersky Internet Security", true},
		{"kaspersky-internet-security", "windows", KindProgram, "Kaspersky Internet Security 21.3", true},
		{"kaspersky-plus", "windows", KindProgram, "Kaspersky Password Manager", false},
		{"kaspersky-free", "windows", KindProgram, "Kaspersky Free", true},
		{"kaspersky-security-cloud", "windows", KindProgram, "Kaspersky Security Cloud - Free", false},
		{"kaspersky-free", "windows", KindProgram, "Kaspersky Security Cloud - Free", true},
		{"kaspersky-security-cloud", "windows", KindProgram, "Kaspersky Security Cloud", true},
		{"kaspersky-endpoint-linux", "linux", KindProcess, "kesl", true},
		{"kaspersky-endpoint-linux", "linux", KindProcess, "KESL", false}, // Linux is case-sensitive
		{"kaspersky-network-agent", "linux", KindPackage, "klnagent64", true},
		{"kaspersky-network-agent", "linux", KindPackage, "klnagent", true},
		{"ultraav", "windows", KindProgram, "UltraAV", true},
		{"ultravpn", "windows", KindProgram, "Ultra VPN", true},
		{"microsoft-defender", "windows", KindSecurityCenter, "Windows Defender", true},
		{"microsoft-defender", "windows", KindProcess, "MsMpEng.exe", true},
		{"kaspersky-vpn", "windows", KindProcess, "ksde.exe", true},
		{"kaspersky-vpn", "windows", KindProcess, "ksdeui.exe", true},
		{"kaspersky-vpn", "windows", KindProcess, "ksdei.exe", false}, // the old ^ksdeu?i?\.exe$ took it
		{"kaspersky-vpn", "windows", KindProcess, "ksdeu.exe", false},
		{"kaspersky-password-manager", "darwin", KindBundleID, "com.kaspersky.passwordmanager", true},
		{"kaspersky-small-office-security", "windows", KindProgram, "Kaspersky Small Office Security", true},
		{"mcafee", "windows", KindService, "mfemms", true},
	}
	for _, tt := range tests {
		if got := any(find(tt.product, tt.goos, tt.kind), tt.value); got != tt.want {
			t.Errorf("%s %s %s %q: matched %v, want %v", tt.product, tt.goos, tt.kind, tt.value, got, tt.want)
		}
	}
}

// TestConfirmedSignaturesAreListed: a signature confirmed (or reported) by
// a source that is a list of names matches a name that list really holds,
// and each alternative of "^(a|b)\.exe$" does. The lists are copied in
// the catalog from the files at the commit their URL names.
func TestConfirmedSignaturesAreListed(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	listed := 0
	for _, p := range c.Products {
		for i := range p.Signatures {
			s := &p.Signatures[i]
			src := c.Source(s.Source)
			if len(src.Lists) == 0 || s.Confidence == Unverified {
				continue
			}
			listed++
			if err := c.CheckListed(s); err != nil {
				t.Errorf("product %q: %v", p.ID, err)
			}
		}
	}
	if listed == 0 {
		t.Fatal("no signature cites a list: the check checked nothing")
	}
	// The issue's own examples: none of these may be confirmed by a list
	// that does not hold them.
	for _, name := range []string{"avpui.exe", "avpsus.exe", "kavtray.exe", "ksde.exe", "ksdeui.exe", "kpm.exe", "kavfs.exe",
		"kavfswp.exe", "vsserv.exe", "bdservicehost.exe", "n360.exe", "NisSrv.exe", "mfemms.exe", "coreServiceShell.exe",
		"SophosHealth.exe", "mbamtray.exe", "ekrn.exe", "mbamservice.exe", "mcshield.exe"} {
		for _, p := range c.Products {
			for _, s := range p.Signatures {
				if s.Kind == KindProcess && s.Confidence == Confirmed && s.Matches(name) {
					if src := c.Source(s.Source); !slices.ContainsFunc(src.Lists, func(n string) bool { return strings.EqualFold(n, name) }) {
						t.Errorf("%s is confirmed by %q, whose list lacks it", name, s.Source)
					}
				}
			}
		}
	}
}

func TestAlternatives(t *testing.T) {
	tests := map[string]string{
		`^(a|b)\.exe$`:     `^a\.exe$ ^b\.exe$`,
		`^(klif|klim\d*)$`: `^klif$ ^klim\d*$`,
		`^ksde(ui)?\.exe$`: `^ksde(ui)?\.exe$`,
		`^(a|b)?$`:         `^(a|b)?$`,
		`^(a)(b|c)$`:       `^(a)(b|c)$`,
		`^AVP\d+$`:         `^AVP\d+$`,
	}
	for in, want := range tests {
		if got := strings.Join(alternatives(in), " "); got != want {
			t.Errorf("alternatives(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExcludes(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		product, name string
		want          bool
	}{
		{"mcafee", "McAfee WebAdvisor", true},
		{"mcafee", "McAfee Total Protection", false},
		{"avast", "Avast Secure Browser", true},
		{"avast", "Avast Free Antivirus", false},
		{"avg", "AVG Secure Browser", true},
		{"avg", "AVG AntiVirus FREE", false},
		{"norton", "Norton Password Manager", true},
		{"norton", "Norton 360", false},
		{"kaspersky", "Kaspersky Protection", true},
		{"kaspersky", "Kaspersky Secure Connection", false},
	}
	for _, tt := range tests {
		if got := c.Product(tt.product).Excluded(tt.name); got != tt.want {
			t.Errorf("%s excludes %q: %v, want %v", tt.product, tt.name, got, tt.want)
		}
	}
}

const good = `{"schema":1,"sources":[{"id":"s","title":"S","url":"https://example.org/"}],
"milestones":[{"id":"m","kind":"updates-end","at":"2024-09-29T00:00:00-04:00","timezone":"America/New_York","jurisdiction":"US","title":"T","source":"s","confidence":"confirmed","checked":"2026-12-06"}],
"products":[{"id":"p","name":"P","vendor":"V","role":"remove","component":"antivirus","website":"https://example.org/",
"signatures":[SIG]}]}`

// withPublisher is the good catalog with one publisher of signer "V Ltd"
// and the given pinned subject.
func withPublisher(subject string) string {
	return strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"milestones":`,
		`"publishers":[{"vendor":"V","signers":["V Ltd"],"source":"s","confidence":"confirmed","subjects":[`+subject+`]}],"milestones":`, 1)
}

const okSig = `{"os":"windows","kind":"process","match":"^p\\.exe$","source":"s","confidence":"confirmed"}`

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name, data, wantInError string
	}{
		{"ok", strings.Replace(good, "SIG", okSig, 1), ""},
		{"not json", `{`, "unexpected EOF"},
		{"milestone not dated", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `,"checked":"2026-12-06"}],`, `}],`, 1), `milestone "m": checked "" is not the day its source was read`},
		{"milestone bad date", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"checked":"2026-12-06"}],`, `"checked":"last week"}],`, 1), `checked "last week"`},
		{"unknown field", `{"schema":1,"surprise":true}`, "surprise"},
		{"wrong schema", `{"schema":2}`, "schema 2"},
		{"unanchored start", strings.Replace(good, "SIG", strings.Replace(okSig, `^p`, `p`, 1), 1), `product "p": signature 0 (windows process): pattern "p\\.exe$" is not anchored`},
		{"unanchored end", strings.Replace(good, "SIG", strings.Replace(okSig, `exe$`, `exe`, 1), 1), "not anchored"},
		{"escaped dollar", strings.Replace(good, "SIG", strings.Replace(okSig, `exe$`, `exe\\$`, 1), 1), "not anchored"},
		{"top-level alternation", strings.Replace(good, "SIG", strings.Replace(okSig, `^p\\.exe$`, `^a|b$`, 1), 1), "wrap alternatives"},
		{"bad regexp", strings.Replace(good, "SIG", strings.Replace(okSig, `^p\\.exe$`, `^(p$`, 1), 1), "missing closing )"},
		{"no source", strings.Replace(good, "SIG", strings.Replace(okSig, `"source":"s"`, `"source":""`, 1), 1), "no source"},
		{"unknown source", strings.Replace(good, "SIG", strings.Replace(okSig, `"source":"s"`, `"source":"x"`, 1), 1), `unknown source "x"`},
		{"bad confidence", strings.Replace(good, "SIG", strings.Replace(okSig, `confirmed`, `sure`, 1), 1), "confidence"},
		{"unknown kind", strings.Replace(good, "SIG", strings.Replace(okSig, `"process"`, `"magic"`, 1), 1), `unknown kind "magic"`},
		{"unknown os", strings.Replace(good, "SIG", strings.Replace(okSig, `"windows"`, `"plan9"`, 1), 1), `unknown os`},
		{"http link", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"http://example.org/"`, 1), `source "s": link "http://example.org/" is not a plain https link`},
		{"javascript link", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"website":"https://example.org/"`, `"website":"javascript:alert(1)"`, 1), "not a plain https link"},
		{"duplicate product", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"products":[`, `"products":[{"id":"p","name":"P","vendor":"V","role":"remove","component":"a","website":"https://e.org/","signatures":[`+okSig+`]},`, 1), `id "p" is used twice`},
		{"leftover unknown folder", strings.Replace(good, "SIG", `{"os":"windows","kind":"leftover","path":"{Temp}\\K","source":"s","confidence":"confirmed"}`, 1), "unknown folder {Temp}"},
		{"leftover relative", strings.Replace(good, "SIG", `{"os":"linux","kind":"leftover","path":"opt/k","source":"s","confidence":"confirmed"}`, 1), "not absolute"},
		{"refines unknown", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"id":"p",`, `"id":"p","refines":"q",`, 1), `refines unknown product "q"`},
		{"bad role", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"role":"remove"`, `"role":"keep"`, 1), `unknown role "keep"`},
		{"list ok", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process","lists":["p.exe"]`, 1), ""},
		{"list without kind", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","lists":["p.exe"]`, 1), `listKind "" is not`},
		{"kind without list", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process"`, 1), "listKind without lists"},
		{"list of programs", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"program","lists":["P"]`, 1), `listKind "program"`},
		{"list name with space", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process","lists":["p.exe "]`, 1), "surrounding spaces"},
		{"list name twice", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process","lists":["p.exe","P.EXE"]`, 1), "listed twice"},
		{"confirmed but not listed", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process","lists":["q.exe"]`, 1), `lists no name`},
		{"reported but not listed", strings.Replace(strings.Replace(good, "SIG", strings.Replace(okSig, "confirmed", "reported", 1), 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process","lists":["q.exe"]`, 1), `lists no name`},
		{"unverified need not be listed", strings.Replace(strings.Replace(good, "SIG", strings.Replace(okSig, "confirmed", "unverified", 1), 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process","lists":["q.exe"]`, 1), ""},
		{"one alternative not listed", strings.Replace(strings.Replace(good, "SIG", strings.Replace(okSig, `^p\\.exe$`, `^(p|q)\\.exe$`, 1), 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"process","lists":["p.exe"]`, 1), `^q\.exe$`},
		{"list of another kind", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"url":"https://example.org/"`, `"url":"https://example.org/","listKind":"service","lists":["p.exe"]`, 1), "a list of service names"},
		{"exclusion ok", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"signatures":[`, `"excludes":["^P Browser( .*)?$"],"signatures":[`, 1), ""},
		{"exclusion unanchored", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"signatures":[`, `"excludes":["P Browser"],"signatures":[`, 1), "exclusion: pattern"},
		{"exclusion bad regexp", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"signatures":[`, `"excludes":["^(P$"],"signatures":[`, 1), "exclusion: pattern"},
		{"subject ok", withPublisher(`{"cn":"V Ltd","o":"V Ltd","c":"GB","source":"s","confidence":"reported"}`), ""},
		{"subject of no signer", withPublisher(`{"cn":"W Ltd","o":"V Ltd","source":"s","confidence":"reported"}`), `subject "W Ltd" is not one of its signers`},
		{"subject pinning nothing", withPublisher(`{"cn":"V Ltd","source":"s","confidence":"reported"}`), "pins neither O nor C"},
		{"subject country", withPublisher(`{"cn":"V Ltd","c":"gb","source":"s","confidence":"reported"}`), `country "gb"`},
		{"subject unsourced", withPublisher(`{"cn":"V Ltd","o":"V Ltd","source":"x","confidence":"reported"}`), `unknown source "x"`},
		{"milestone without zone", strings.Replace(strings.Replace(good, "SIG", okSig, 1), `"timezone":"America/New_York",`, ``, 1), `milestone "m"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.data))
			if tt.wantInError == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted, want an error with %q", tt.wantInError)
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantInError) {
				t.Fatalf("error %q, want one that wraps ErrInvalid and says %q", err, tt.wantInError)
			}
		})
	}
}

func TestLeftoverPaths(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	got := c.LeftoverPaths("windows")
	if len(got) == 0 || got[0] != `{ProgramData}\Kaspersky Lab` {
		t.Errorf("windows leftovers = %q", got)
	}
	for _, p := range c.LeftoverPaths("linux") {
		if !strings.HasPrefix(p, "/") {
			t.Errorf("linux leftover %q is not absolute", p)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(strings.Replace(good, "SIG", okSig, 1)))
	f.Add([]byte(`{"schema":1}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load(data)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		// Whatever loads must be usable: every pattern compiled, every source known.
		for _, p := range c.Products {
			for _, s := range p.Signatures {
				if s.Kind != KindLeftover && s.re == nil {
					t.Fatalf("product %q: a signature loaded without a compiled pattern", p.ID)
				}
				if c.Source(s.Source) == nil {
					t.Fatalf("product %q: unknown source %q accepted", p.ID, s.Source)
				}
			}
		}
	})
}
