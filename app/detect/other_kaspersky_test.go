package detect

import (
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/platform"
)

// A Kaspersky product the catalog does not name is still a Kaspersky
// product: found by its publisher or its name, shown by its own name, and
// removed like the others.
func TestOtherKasperskyProducts(t *testing.T) {
	cat := mustCatalog(t)
	win := platform.OSInfo{Family: "windows"}
	tests := []struct {
		name string
		snap platform.Snapshot
		want string
	}{
		{
			name: "a future product named Kaspersky",
			snap: platform.Snapshot{OS: win, Programs: []platform.Program{
				{Name: "Kaspersky Foo 2027", Publisher: "AO Kaspersky Lab", Source: platform.SourceUninstall, Where: `HKLM\...\Uninstall\{F00}`, UninstallString: `MsiExec.exe /X{F00}`},
			}},
			want: "kaspersky-other-kaspersky-foo-2027:installed",
		},
		{
			name: "published by Kaspersky under another name",
			snap: platform.Snapshot{OS: win, Programs: []platform.Program{
				{Name: "Secure Thing", Publisher: "Kaspersky Lab", Source: platform.SourceUninstall, Where: "k1"},
			}},
			want: "kaspersky-other-secure-thing:installed",
		},
		{
			name: "Small Office Security is found by its own entry",
			snap: platform.Snapshot{OS: win, Programs: []platform.Program{
				{Name: "Kaspersky Small Office Security", Publisher: "AO Kaspersky Lab", Source: platform.SourceUninstall, Where: "k1"},
			}},
			want: "kaspersky-small-office-security:installed",
		},
		{
			name: "a named product is not counted twice, in both registry views",
			snap: platform.Snapshot{OS: win, Programs: []platform.Program{
				{Name: "Kaspersky Total Security", Publisher: "AO Kaspersky Lab", Source: platform.SourceUninstall, Where: "k1"},
				{Name: "Kaspersky Foo", Publisher: "AO Kaspersky Lab", Source: platform.SourceUninstall, Where: "k2"},
				{Name: "Kaspersky Foo", Publisher: "AO Kaspersky Lab", Source: platform.SourceUninstall, Where: "k3"},
			}},
			want: "kaspersky-total-security:installed kaspersky-other-kaspersky-foo:installed",
		},
		{
			name: "the browser extension and look-alike names are no Kaspersky product",
			snap: platform.Snapshot{OS: win, Programs: []platform.Program{
				{Name: "Kaspersky Protection", Source: platform.SourceUninstall, Where: "k1"},
				{Name: "Kasperskyish Cleaner", Source: platform.SourceUninstall, Where: "k2"},
				{Name: "Tool for Kaspersky", Publisher: "Contoso", Source: platform.SourceUninstall, Where: "k3"},
				// This app itself, installed from its MSI or as a Mac app.
				{Name: "Kaspersky Transition Helper", Publisher: "Kaspersky Transition Helper developers", Version: "0.1.0", Source: platform.SourceUninstall, Where: "k4"},
				{Name: "Kaspersky Transition Helper", Source: platform.SourceApp, Where: "/Applications/Kaspersky Transition Helper.app", BundleID: "com.github.transitionhelper"},
			}},
			want: "",
		},
		{
			name: "Kaspersky Secure Connection is a real product",
			snap: platform.Snapshot{OS: win, Programs: []platform.Program{
				{Name: "Kaspersky Secure Connection", Publisher: "AO Kaspersky Lab", Source: platform.SourceUninstall, Where: "k1"},
			}},
			want: "kaspersky-vpn:installed",
		},
		{
			name: "Kaspersky's core running belongs to the unnamed product",
			snap: platform.Snapshot{OS: win, Processes: []platform.Process{{PID: 1, Name: "avp.exe"}}, Programs: []platform.Program{
				{Name: "Kaspersky Foo 2027", Publisher: "AO Kaspersky Lab", Source: platform.SourceUninstall, Where: "k1"},
			}},
			want: "kaspersky-other-kaspersky-foo-2027:running",
		},
		{
			name: "a Mac app by bundle id",
			snap: platform.Snapshot{OS: platform.OSInfo{Family: "darwin"}, Programs: []platform.Program{
				{Name: "Kaspersky Foo", BundleID: "com.kaspersky.foo", Source: platform.SourceApp, Where: "/Applications/Kaspersky Foo.app"},
			}},
			want: "kaspersky-other-kaspersky-foo:installed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(cat, &tt.snap)
			if b := brief(got); b != tt.want {
				t.Fatalf("got  %q\nwant %q", b, tt.want)
			}
		})
	}
}

func TestOtherKasperskyIsRemovedLikeTheOthers(t *testing.T) {
	snap := platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Programs: []platform.Program{
		{Name: "Kaspersky Foo 2027", Publisher: "AO Kaspersky Lab", Version: "27.0", Source: platform.SourceUninstall, Where: `HKLM\...\Uninstall\{F00}`, UninstallString: `MsiExec.exe /X{F00}`},
	}}
	fs := Match(mustCatalog(t), &snap)
	if len(fs) != 1 {
		t.Fatalf("got %s", brief(fs))
	}
	f := fs[0]
	if f.Name != "Kaspersky Foo 2027" || f.Vendor != "Kaspersky" || f.Role != catalog.RoleRemove || f.Version != "27.0" || len(f.Uninstall) != 1 || len(f.Evidence) != 1 {
		t.Errorf("finding = %+v", f)
	}
	if s := Summarize(fs); !s.KasperskyActive {
		t.Errorf("summary = %+v: a Kaspersky product was found", s)
	}
}

func TestSecuritySoftwareExclusions(t *testing.T) {
	snap := platform.Snapshot{OS: platform.OSInfo{Family: "windows"}, Programs: []platform.Program{
		{Name: "McAfee WebAdvisor", Source: platform.SourceUninstall, Where: "k1"},
		{Name: "Avast Secure Browser", Source: platform.SourceUninstall, Where: "k2"},
		{Name: "AVG Secure Browser", Source: platform.SourceUninstall, Where: "k3"},
		{Name: "Norton Password Manager", Source: platform.SourceUninstall, Where: "k4"},
	}}
	if got := brief(Match(mustCatalog(t), &snap)); got != "" {
		t.Errorf("got %q: browser add-ons, browsers and password managers are not security software", got)
	}
	snap.Programs = append(snap.Programs, platform.Program{Name: "McAfee Total Protection", Source: platform.SourceUninstall, Where: "k5"})
	if got := brief(Match(mustCatalog(t), &snap)); got != "mcafee:installed" {
		t.Errorf("got %q", got)
	}
}
