package doctor

import (
	"fmt"
	"strings"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

// The checks of Windows: Security Center, msiexec's trust, the folders
// uninstallers are started from, the user's class keys and UI Automation.

// securityCenter: Windows Security Center and the products it lists.
func (d *doctor) securityCenter() {
	snap := d.snap
	if snap == nil {
		return
	}
	c := Check{Title: d.t("doctor.security-center", "Windows Security Center", nil)}
	for _, p := range snap.Probes {
		if p.Name == "security-center" && p.Error != "" {
			c.Status, c.Seen = Warn, p.Error
			c.Means = d.t("doctor.security-center.none", "Security Center cannot be asked here (Windows Server, Wine): whether the new protection is on is judged from processes and services only.", nil)
			d.add(c)
			return
		}
	}
	var names []string
	for _, p := range snap.SecurityCenter {
		sigs := "signatures up to date"
		if !p.State.SignaturesUpToDate {
			sigs = "signatures out of date"
		}
		names = append(names, fmt.Sprintf("%s (%s, %s, productState 0x%06X)", p.DisplayName, p.State.Protection, sigs, p.ProductState))
	}
	if len(names) == 0 {
		c.Status, c.Seen = Warn, "no antivirus product registered"
		c.Means = d.t("doctor.security-center.empty", "A Windows PC normally has at least Microsoft Defender registered: step 6 cannot confirm any protection from Security Center.", nil)
	} else {
		c.Status, c.Seen = Pass, strings.Join(names, "; ")
		c.Means = d.t("doctor.security-center.pass", "Step 6 can tell which protection Windows itself sees as on.", nil)
	}
	c.Seen += "; " + protectingNow(snap)
	d.add(c)
}

// protectingNow is what step 6 says protects this computer, by the one
// verdict (detect.ProtectionOf) on this scan, for support staff to compare
// with what Security Center lists.
func protectingNow(snap *platform.Snapshot) string {
	cat, err := catalog.Embedded()
	if err != nil {
		return "verdict unknown: " + err.Error()
	}
	names := detect.ProtectionOf(detect.Match(cat, snap), false).Names()
	if len(names) == 0 {
		return "step 6 verdict: no security software other than Kaspersky is on"
	}
	return "step 6 verdict: protecting now: " + strings.Join(names, ", ")
}

// msiexec: how Windows' own msiexec.exe is trusted here.
func (d *doctor) msiexec() {
	c := Check{Title: d.t("doctor.msiexec", "How Windows' own msiexec is trusted", nil)}
	path := d.c.Msiexec()
	if path == "" {
		c.Status, c.Seen = Fail, "msiexec.exe not found"
		c.Means = d.t("doctor.msiexec.missing", "Business products removed through Windows Installer cannot be removed by the app.", nil)
		d.add(c)
		return
	}
	sig := d.c.VerifySignature(path)
	c.Seen = fmt.Sprintf("%s: method %q, trusted %v, signer %q", path, sig.Method, sig.Trusted, sig.Signer)
	if sig.TrustError != "" {
		c.Seen += ", " + sig.TrustError
	}
	switch {
	case sig.Trusted && (sig.Method == platform.MethodCatalog || sig.Method == platform.MethodEmbedded):
		c.Status = Pass
		c.Means = d.t("doctor.msiexec.pass", "msiexec is verified by its Windows signature before the app starts it.", nil)
	case sig.Trusted && sig.Method == platform.MethodSystemFileIdentity:
		c.Status = Warn
		c.Means = d.t("doctor.msiexec.identity", "No signature catalog could be checked here (as under Wine): msiexec is trusted only by being Windows' own file in an administrators-only folder.", nil)
	default:
		c.Status = Fail
		c.Means = d.t("doctor.msiexec.fail", "msiexec cannot be verified here: the app will not start it, so products removed through Windows Installer must be removed by hand.", nil)
	}
	d.add(c)
}

// programFilesAdminOnly and system32AdminOnly: the folders uninstallers
// are started from, by the DACL rule.
func (d *doctor) programFilesAdminOnly() {
	d.adminOnly("Program Files", d.c.KnownFolder("ProgramFiles"))
}

func (d *doctor) system32AdminOnly() {
	sys32 := ""
	if w := d.c.WindowsDir(); w != "" {
		sys32 = w + `\System32`
	}
	d.adminOnly("System32", sys32)
}

// adminOnly judges one folder, named name, at path ("" not found).
func (d *doctor) adminOnly(name, path string) {
	c := Check{Title: d.t("doctor.admin-only", "Only administrators can change {{.Folder}}", map[string]any{"Folder": name})}
	if path == "" {
		c.Status, c.Seen = Fail, "folder not found"
		c.Means = d.t("doctor.admin-only.fail", "Uninstallers in this folder are not started: anything running as the user could have changed them.", nil)
		d.add(c)
		return
	}
	ok, why, err := d.c.AdminOnly(path)
	switch {
	case err != nil:
		c.Status, c.Seen = Fail, fmt.Sprintf("%s: %v", path, err)
		c.Means = d.t("doctor.admin-only.fail", "Uninstallers in this folder are not started: anything running as the user could have changed them.", nil)
	case !ok:
		c.Status, c.Seen = Fail, fmt.Sprintf("%s: %s", path, why)
		c.Means = d.t("doctor.admin-only.fail", "Uninstallers in this folder are not started: anything running as the user could have changed them.", nil)
	default:
		c.Status, c.Seen = Pass, path+": administrators only"
		c.Means = d.t("doctor.admin-only.pass", "Uninstallers in this folder may be started, once their signature is checked.", nil)
	}
	d.add(c)
}

// classOverrides: whether the user's hive changes how programs start.
func (d *doctor) classOverrides() {
	c := Check{Title: d.t("doctor.class-overrides", "The user's settings do not change how programs start", nil)}
	list, err := d.c.ClassOverrides()
	var keys []string
	for _, o := range list {
		keys = append(keys, strings.TrimSpace(o.Key+" "+o.Value))
	}
	switch {
	case len(keys) > 0:
		c.Status, c.Seen = Fail, strings.Join(keys, "; ")
		c.Means = d.t("doctor.class-overrides.fail", "Per-user keys change what the administrator prompt starts: a program running as the user could put itself in the uninstaller's place.", nil)
	case err != nil:
		c.Status, c.Seen = Warn, err.Error()
		c.Means = d.t("doctor.class-overrides.unknown", "The user's class keys could not all be read.", nil)
	default:
		c.Status, c.Seen = Pass, "no HKCU exefile, .exe or Msi.Package override"
		c.Means = d.t("doctor.class-overrides.pass", "The administrator prompt starts the program Windows itself would start.", nil)
	}
	d.add(c)
}

// uiAutomation: whether screen readers can read the window (Windows).
func (d *doctor) uiAutomation() {
	c := Check{Title: d.t("doctor.ui-automation", "UI Automation for screen readers", nil)}
	if err := d.c.UIAutomation(); err != nil {
		c.Status, c.Seen = Fail, err.Error()
		c.Means = d.t("doctor.ui-automation.fail", "The accessible build may stop here when it tells Windows about its window (as it does under Wine 8 without a stand-in), and screen readers get nothing.", nil)
	} else {
		c.Status, c.Seen = Pass, "uiautomationcore.dll with UiaRaiseStructureChangedEvent"
		c.Means = d.t("doctor.ui-automation.pass", "Screen readers can read the window's buttons and labels.", nil)
	}
	d.add(c)
}

// registryViews counts the Uninstall entries read from each registry view.
func registryViews(progs []platform.Program) string {
	views := []struct{ label, prefix string }{
		{"HKLM 64-bit", `HKLM\SOFTWARE\Microsoft\`},
		{"HKLM 32-bit (WOW6432Node)", `HKLM\SOFTWARE\WOW6432Node\`},
		{"HKCU", `HKCU\`},
	}
	counts := make([]int, len(views))
	for _, p := range progs {
		if p.Source != platform.SourceUninstall {
			continue
		}
		for i, v := range views {
			if strings.HasPrefix(strings.ToUpper(p.Where), strings.ToUpper(v.prefix)) {
				counts[i]++
				break
			}
		}
	}
	var parts []string
	for i, v := range views {
		parts = append(parts, fmt.Sprintf("%s: %d", v.label, counts[i]))
	}
	return strings.Join(parts, ", ")
}
