package doctor

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"transitionhelper/app/catalog"
	"transitionhelper/app/detect"
	"transitionhelper/platform"
)

var buildPattern = regexp.MustCompile(`build (\d+)`)

// system: the system and its version, and whether the app is made for it.
func (d *doctor) system(snap *platform.Snapshot) {
	title := d.t("doctor.system", "System and version", nil)
	if snap == nil {
		d.add(Check{ID: "system", Title: title, Status: Fail, Seen: "no scan",
			Means: d.t("doctor.system.no-scan", "The scan did not run, so nothing it would say can be trusted.", nil)})
		return
	}
	o := snap.OS
	seen := strings.TrimSpace(fmt.Sprintf("%s %s (%s, %s)", o.Name, o.Version, o.Family, o.Arch))
	c := Check{ID: "system", Title: title, Status: Pass, Seen: seen,
		Means: d.t("doctor.system.pass", "A system the app is made for.", nil)}
	switch o.Family {
	case "windows":
		m := buildPattern.FindStringSubmatch(o.Version)
		build := 0
		if m != nil {
			build, _ = strconv.Atoi(m[1])
		}
		switch {
		case d.c.Wine != nil && d.c.Wine():
			c.Status, c.Means = Warn, d.t("doctor.system.wine", "This is Wine, not Windows: catalog signatures, the administrator prompt, Security Center and permissions differ on real Windows and are not confirmed here.", nil)
			c.Seen += ", Wine"
		case build == 0:
			c.Status, c.Means = Warn, d.t("doctor.system.unknown", "The version could not be read: the app cannot tell whether it is made for this system.", nil)
		case build < 10240:
			c.Status, c.Means = Fail, d.t("doctor.system.old-windows", "Older than Windows 10: the app is made for Windows 10 and 11, and its checks may not hold here.", nil)
		}
	case "darwin":
		major, _, _ := strings.Cut(o.Version, ".")
		if n, err := strconv.Atoi(major); err != nil || n < 11 {
			c.Status, c.Means = Warn, d.t("doctor.system.unknown", "The version could not be read: the app cannot tell whether it is made for this system.", nil)
		}
	case "linux":
		if o.Name == "" {
			c.Status, c.Means = Warn, d.t("doctor.system.unknown", "The version could not be read: the app cannot tell whether it is made for this system.", nil)
		}
	default:
		c.Status, c.Means = Fail, d.t("doctor.system.other", "The app is made for Windows, macOS and Linux; on this system it only lists processes.", nil)
	}
	d.add(c)
}

// probes: each probe of the scan, its result and time.
func (d *doctor) probes(snap *platform.Snapshot) {
	if snap == nil {
		return
	}
	for _, p := range snap.Probes {
		c := Check{ID: "probe." + p.Name, Title: d.t("doctor.probe", "Scan: {{.Probe}}", map[string]any{"Probe": p.Name}), Took: p.Took}
		took := p.Took.Round(100 * time.Microsecond)
		switch {
		case p.Error == "":
			c.Status, c.Seen = Pass, fmt.Sprintf("%d items in %s", p.Items, took)
			c.Means = d.t("doctor.probe.pass", "This part of the scan works here.", nil)
			if p.Name == "programs" && snap.OS.Family == "windows" {
				c.Seen += "; " + registryViews(snap.Programs)
			}
			if p.Name == "processes" {
				if n := snap.DeniedProcesses(); n > 0 {
					c.Status, c.Seen = Warn, fmt.Sprintf("%d items in %s, %d without a readable name", p.Items, took, n)
					c.Means = d.t("doctor.probe.denied", "Some processes could not be named: one of them could be Kaspersky.", nil)
				}
			}
		case p.Unavailable:
			c.Status, c.Seen = Warn, fmt.Sprintf("not available here (%s), %s", p.Error, took)
			c.Means = d.t("doctor.probe.unavailable", "What this part reads does not exist on this computer: the scan goes on without it.", nil)
		case p.TimedOut:
			c.Status, c.Seen = Fail, fmt.Sprintf("no answer: %s, after %s", p.Error, took)
			c.Means = d.t("doctor.probe.timeout", "This part of the scan gave no answer in time: the app says its result may be incomplete.", nil)
		default:
			c.Status, c.Seen = Fail, fmt.Sprintf("failed: %s, after %s", p.Error, took)
			c.Means = d.t("doctor.probe.fail", "This part of the scan failed: the app says its result may be incomplete.", nil)
		}
		d.add(c)
	}
}

// securityCenter: Windows Security Center and the products it lists.
func (d *doctor) securityCenter(snap *platform.Snapshot) {
	if snap == nil {
		return
	}
	c := Check{ID: "security-center", Title: d.t("doctor.security-center", "Windows Security Center", nil)}
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
	if d.c.Msiexec == nil || d.c.VerifySignature == nil {
		return
	}
	c := Check{ID: "msiexec-trust", Title: d.t("doctor.msiexec", "How Windows' own msiexec is trusted", nil)}
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

// adminOnly: Program Files and System32 by the DACL rule.
func (d *doctor) adminOnly() {
	if d.c.AdminOnly == nil {
		return
	}
	type folder struct{ id, name, path string }
	var dirs []folder
	if d.c.KnownFolder != nil {
		dirs = append(dirs, folder{"admin-only.program-files", "Program Files", d.c.KnownFolder("ProgramFiles")})
	}
	if d.c.WindowsDir != nil {
		sys32 := ""
		if w := d.c.WindowsDir(); w != "" {
			sys32 = w + `\System32`
		}
		dirs = append(dirs, folder{"admin-only.system32", "System32", sys32})
	}
	for _, dir := range dirs {
		c := Check{ID: dir.id, Title: d.t("doctor.admin-only", "Only administrators can change {{.Folder}}", map[string]any{"Folder": dir.name})}
		if dir.path == "" {
			c.Status, c.Seen = Fail, "folder not found"
			c.Means = d.t("doctor.admin-only.fail", "Uninstallers in this folder are not started: anything running as the user could have changed them.", nil)
			d.add(c)
			continue
		}
		ok, why, err := d.c.AdminOnly(dir.path)
		switch {
		case err != nil:
			c.Status, c.Seen = Fail, fmt.Sprintf("%s: %v", dir.path, err)
			c.Means = d.t("doctor.admin-only.fail", "Uninstallers in this folder are not started: anything running as the user could have changed them.", nil)
		case !ok:
			c.Status, c.Seen = Fail, fmt.Sprintf("%s: %s", dir.path, why)
			c.Means = d.t("doctor.admin-only.fail", "Uninstallers in this folder are not started: anything running as the user could have changed them.", nil)
		default:
			c.Status, c.Seen = Pass, dir.path+": administrators only"
			c.Means = d.t("doctor.admin-only.pass", "Uninstallers in this folder may be started, once their signature is checked.", nil)
		}
		d.add(c)
	}
}

// classOverrides: whether the user's hive changes how programs start.
func (d *doctor) classOverrides() {
	if d.c.ClassOverrides == nil {
		return
	}
	c := Check{ID: "class-overrides", Title: d.t("doctor.class-overrides", "The user's settings do not change how programs start", nil)}
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

// appLocation: where the app runs from.
func (d *doctor) appLocation() {
	if d.c.Executable == nil || d.c.UserWritable == nil {
		return
	}
	c := Check{ID: "app-location", Title: d.t("doctor.app-location", "Where the app runs from", nil)}
	exe, err := d.c.Executable()
	if err != nil {
		c.Status, c.Seen = Warn, err.Error()
		c.Means = d.t("doctor.app-location.unknown", "The app's own folder is unknown.", nil)
		d.add(c)
		return
	}
	dir := exe
	if i := strings.LastIndexAny(exe, `\/`); i > 0 {
		dir = exe[:i] // a Windows path is judged on Linux in tests
	}
	writable, err := d.c.UserWritable(dir)
	switch {
	case err != nil:
		c.Status, c.Seen = Warn, fmt.Sprintf("%s: %v", dir, err)
		c.Means = d.t("doctor.app-location.unknown", "The app's own folder is unknown.", nil)
	case writable && d.c.GOOS == "windows":
		c.Status, c.Seen = Warn, dir+": the user can write here"
		c.Means = d.t("doctor.app-location.dll", "A program running as the user could plant a DLL next to the app (opengl32.dll loads from the app's folder before its own code runs). Where that matters, install the MSI: it puts the app in Program Files.", nil)
	case writable:
		c.Status, c.Seen = Warn, dir+": the user can write here"
		c.Means = d.t("doctor.app-location.writable", "A program running as the user could replace the app here; that changes nothing the app decides, but a copy from the package in a system folder is safer.", nil)
	default:
		c.Status, c.Seen = Pass, dir+": only administrators can change it"
		c.Means = d.t("doctor.app-location.pass", "Nothing running as the user can change the app or plant a library next to it.", nil)
	}
	d.add(c)
}

// openGL: whether the window can be drawn.
func (d *doctor) openGL() {
	if d.c.Graphics == nil {
		return
	}
	c := Check{ID: "opengl", Title: d.t("doctor.opengl", "OpenGL 2.1 for the window", nil)}
	g, err := d.c.Graphics()
	seen := strings.TrimSpace(strings.Join([]string{g.API, g.Version, g.Renderer}, " "))
	switch {
	case errors.Is(err, platform.ErrNoDisplay) && g.API == "":
		c.Status, c.Seen = Warn, strings.TrimSpace(seen+" "+err.Error())
		c.Means = d.t("doctor.opengl.no-display", "No display here (a server, a remote shell): the app prints its text result instead of opening a window.", nil)
	case err != nil:
		c.Status, c.Seen = Fail, strings.TrimSpace(seen+" "+err.Error())
		c.Means = d.t("doctor.opengl.fail", "The window cannot open here: the app writes the text guide, opens it in the browser and says so instead.", nil)
	case !g.Checked:
		c.Status, c.Seen = Warn, strings.TrimSpace(seen+" not checked before a window opens")
		c.Means = d.t("doctor.opengl.unchecked", "Only the window itself can tell; if it never appears, the app offers the text guide instead.", nil)
	default:
		c.Status, c.Seen = Pass, seen
		c.Means = d.t("doctor.opengl.pass", "The app's window can be drawn here.", nil)
	}
	d.add(c)
}

// uiAutomation: whether screen readers can read the window (Windows).
func (d *doctor) uiAutomation() {
	if d.c.UIAutomation == nil {
		return
	}
	c := Check{ID: "ui-automation", Title: d.t("doctor.ui-automation", "UI Automation for screen readers", nil)}
	if err := d.c.UIAutomation(); err != nil {
		c.Status, c.Seen = Fail, err.Error()
		c.Means = d.t("doctor.ui-automation.fail", "The accessible build may stop here when it tells Windows about its window (as it does under Wine 8 without a stand-in), and screen readers get nothing.", nil)
	} else {
		c.Status, c.Seen = Pass, "uiautomationcore.dll with UiaRaiseStructureChangedEvent"
		c.Means = d.t("doctor.ui-automation.pass", "Screen readers can read the window's buttons and labels.", nil)
	}
	d.add(c)
}

// xprotect: both XProtect locations, and `xprotect version` where it exists.
func (d *doctor) xprotect(ctx context.Context, snap *platform.Snapshot) {
	if d.c.XProtect == nil {
		return
	}
	live, old := d.c.XProtect(d.c.XProtectLive), d.c.XProtect(d.c.XProtectOld)
	describe := func(x platform.XProtectInfo) string {
		switch {
		case x.Error != "":
			return x.Path + ": " + x.Error
		case !x.Exists:
			return x.Path + ": not there"
		}
		return fmt.Sprintf("%s: version %s of %s", x.Path, x.Version, x.Updated)
	}
	used := platform.NewerXProtect(live, old)
	c := Check{ID: "xprotect", Title: d.t("doctor.xprotect", "XProtect, macOS's own protection", nil),
		Seen: describe(live) + "; " + describe(old)}
	macOS15 := false
	if snap != nil {
		major, _, _ := strings.Cut(snap.OS.Version, ".")
		n, err := strconv.Atoi(major)
		macOS15 = err == nil && n >= 15
	}
	switch {
	case !used.Exists:
		c.Status = Fail
		c.Means = d.t("doctor.xprotect.none", "Neither XProtect bundle was found: the app cannot show macOS's own protection.", nil)
	case macOS15 && !live.Exists:
		c.Status = Warn
		c.Means = d.t("doctor.xprotect.no-live", "macOS 15 or later without the live bundle in /var/protected/xprotect (a location reported, not documented by Apple): the version shown comes from the old bundle and may be stale.", nil)
	default:
		c.Status = Pass
		c.Means = d.t("doctor.xprotect.pass", "The app shows the version of the bundle macOS uses: {{.Version}}.", map[string]any{"Version": used.Version})
	}
	d.add(c)

	if d.c.Tool == nil {
		return
	}
	v := Check{ID: "xprotect-command", Title: d.t("doctor.xprotect-command", "The xprotect command", nil)}
	out, err := d.c.Tool(ctx, "xprotect", "version")
	switch {
	case err == nil:
		v.Status, v.Seen = Pass, "xprotect version: "+firstLine(out)
		v.Means = d.t("doctor.xprotect-command.pass", "macOS's own word on XProtect's version, to compare with the one the app shows.", nil)
	case !macOS15:
		v.Status, v.Seen = Pass, "no xprotect command: "+err.Error()
		v.Means = d.t("doctor.xprotect-command.old", "Before macOS 15 there is no xprotect command (as reported); the bundle's version is the one in use.", nil)
	default:
		v.Status, v.Seen = Warn, err.Error()
		v.Means = d.t("doctor.xprotect-command.fail", "macOS 15 or later has an xprotect command (reported, not documented by Apple), but it gave no version here.", nil)
	}
	d.add(v)
}

// gatekeeper: spctl --status.
func (d *doctor) gatekeeper(ctx context.Context) {
	if d.c.Tool == nil {
		return
	}
	c := Check{ID: "gatekeeper", Title: d.t("doctor.gatekeeper", "Gatekeeper", nil)}
	out, err := d.c.Tool(ctx, "spctl", "--status")
	switch {
	case err == nil && strings.Contains(out, "assessments enabled"):
		c.Status, c.Seen = Pass, "spctl --status: "+firstLine(out)
		c.Means = d.t("doctor.gatekeeper.pass", "macOS checks apps' signatures and notarization before they first open.", nil)
	case strings.Contains(out, "disabled"):
		c.Status, c.Seen = Warn, "spctl --status: "+firstLine(out)
		c.Means = d.t("doctor.gatekeeper.off", "Gatekeeper is off: macOS opens apps without checking who made them. Turn it back on in System Settings, Privacy & Security.", nil)
	default:
		c.Status, c.Seen = Warn, strings.TrimSpace(firstLine(out)+" "+errText(err))
		c.Means = d.t("doctor.gatekeeper.unknown", "Gatekeeper's state could not be read.", nil)
	}
	d.add(c)
}

// codesign: the tool that verifies Mac uninstallers.
func (d *doctor) codesign() {
	if d.c.ToolPath == nil {
		return
	}
	c := Check{ID: "codesign", Title: d.t("doctor.codesign", "codesign, to verify Mac uninstallers", nil)}
	if p, err := d.c.ToolPath("codesign"); err != nil {
		c.Status, c.Seen = Fail, err.Error()
		c.Means = d.t("doctor.codesign.fail", "Without codesign the app cannot verify Kaspersky's uninstaller and will not open it.", nil)
	} else {
		c.Status, c.Seen = Pass, p
		c.Means = d.t("doctor.codesign.pass", "The app can check an uninstaller's Apple signature before opening it.", nil)
	}
	d.add(c)
}

// applications: the owner of /Applications.
func (d *doctor) applications() {
	if d.c.Owner == nil {
		return
	}
	c := Check{ID: "applications-owner", Title: d.t("doctor.applications", "Who owns /Applications", nil)}
	o, err := d.c.Owner("/Applications")
	switch {
	case err != nil:
		c.Status, c.Seen = Fail, err.Error()
		c.Means = d.t("doctor.applications.fail", "Apps in /Applications cannot be judged: the app will not open Kaspersky's uninstaller from there.", nil)
	case o.UID != 0 || o.Mode.Perm()&0o002 != 0:
		c.Status, c.Seen = Fail, fmt.Sprintf("owner uid %d, mode %v", o.UID, o.Mode.Perm())
		c.Means = d.t("doctor.applications.fail", "Apps in /Applications cannot be judged: the app will not open Kaspersky's uninstaller from there.", nil)
	default:
		c.Status, c.Seen = Pass, fmt.Sprintf("owner uid 0, mode %v", o.Mode.Perm())
		c.Means = d.t("doctor.applications.pass", "/Applications is owned by root and others cannot write to it, as the check of an uninstaller expects.", nil)
	}
	d.add(c)
}

// packageTools: what reads and removes Linux packages.
func (d *doctor) packageTools() {
	if d.c.ToolPath == nil {
		return
	}
	c := Check{ID: "package-tools", Title: d.t("doctor.package-tools", "Package tools", nil)}
	var found, missing []string
	for _, name := range []string{"dpkg", "apt-get", "rpm", "dnf"} {
		if p, err := d.c.ToolPath(name); err == nil {
			found = append(found, p)
		} else {
			missing = append(missing, name)
		}
	}
	c.Seen = "found: " + strings.Join(found, ", ")
	if len(missing) > 0 {
		c.Seen += "; not installed: " + strings.Join(missing, ", ")
	}
	_, dpkgErr := os.Stat("/var/lib/dpkg/status")
	if len(found) == 0 && dpkgErr != nil {
		c.Status = Warn
		c.Means = d.t("doctor.package-tools.none", "Neither dpkg nor rpm is here: Kaspersky's Linux packages cannot be found or removed by the app.", nil)
	} else {
		c.Status = Pass
		c.Means = d.t("doctor.package-tools.pass", "The app can read the installed packages and remove Kaspersky's with the system's tool.", nil)
	}
	d.add(c)
}

// pkexec: how removal asks for the administrator password on Linux.
func (d *doctor) pkexec() {
	if d.c.ToolPath == nil {
		return
	}
	c := Check{ID: "pkexec", Title: d.t("doctor.pkexec", "pkexec, to ask for the administrator password", nil)}
	if p, err := d.c.ToolPath("pkexec"); err != nil {
		c.Status, c.Seen = Warn, err.Error()
		c.Means = d.t("doctor.pkexec.fail", "Without pkexec the app cannot start the removal of Kaspersky's packages: they must be removed with the system's package tool, as an administrator.", nil)
	} else {
		c.Status, c.Seen = Pass, p
		c.Means = d.t("doctor.pkexec.pass", "The app can ask for the administrator password to remove a package.", nil)
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

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func executable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if final, err := filepath.EvalSymlinks(exe); err == nil {
		return final, nil
	}
	return exe, nil
}
