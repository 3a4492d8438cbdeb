package trust

import (
	"io/fs"
	"strings"
	"testing"

	"transitionhelper/platform"
)

func TestJudgeMacBundle(t *testing.T) {
	root := func(p string, mode fs.FileMode) platform.OwnedPath {
		return platform.OwnedPath{Path: p, UID: 0, Mode: fs.ModeDir | mode}
	}
	real := []platform.OwnedPath{
		root("/Library/Application Support/Kaspersky Lab/KAV/Kaspersky Uninstaller.app", 0o755),
		root("/Library/Application Support/Kaspersky Lab/KAV", 0o755),
		root("/Library/Application Support/Kaspersky Lab", 0o755),
		root("/Library/Application Support", 0o755),
		root("/Library", 0o755),
		root("/", 0o755),
	}
	apps := []platform.OwnedPath{root("/Applications/Kaspersky Uninstaller.app", 0o755), root("/Applications", 0o775), root("/", 0o755)}
	apps[1].Mode = fs.ModeDir | 0o775 // real /Applications: root:admin rwxrwxr-x
	for _, tt := range []struct {
		name, app string
		chain     []platform.OwnedPath
		why       string
	}{
		{"Kaspersky's own, root-owned", real[0].Path, real, ""},
		{"in a user's Applications", "/Users/ann/Applications/Kaspersky Uninstaller.app", nil, "users can write"},
		{"owned by the user", real[0].Path, append([]platform.OwnedPath{{Path: real[0].Path, UID: 501, Mode: fs.ModeDir | 0o755}}, real[1:]...), "owned by user 501"},
		{"a folder above writable by all", real[0].Path, append(append([]platform.OwnedPath{}, real[:2]...), append([]platform.OwnedPath{root("/Library/Application Support/Kaspersky Lab", 0o777)}, real[3:]...)...), "can be changed by others"},
		{"admin group may write /Applications", apps[0].Path, apps, "can be changed by others"},
		{"a link in the chain", real[0].Path, append([]platform.OwnedPath{{Path: real[0].Path, Mode: fs.ModeSymlink | 0o777}}, real[1:]...), "is a link"},
		{"a folder not checked", real[0].Path, real[:3], "were not checked"},
		{"not an app", "/Library/evil", nil, "not an app bundle"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := JudgeMacBundle(tt.app, tt.chain)
			if ok != (tt.why == "") || !strings.Contains(why, tt.why) {
				t.Errorf("ok %v, why %q; want %q", ok, why, tt.why)
			}
		})
	}
}

func TestMacAppRequirement(t *testing.T) {
	req, err := MacAppRequirement("2Y8XE5CQ94")
	if err != nil || !strings.Contains(req, `certificate leaf[subject.OU] = "2Y8XE5CQ94"`) || !strings.HasPrefix(req, "anchor apple generic") {
		t.Errorf("%q, %v", req, err)
	}
	for _, bad := range []string{"", "2y8xe5cq94", `X" or anchor apple`, "2Y8XE5CQ9"} {
		if _, err := MacAppRequirement(bad); err == nil {
			t.Errorf("team id %q accepted", bad)
		}
	}
}

func TestJudgeMacBundleContents(t *testing.T) {
	good := []platform.OwnedPath{
		{Path: "/L/K.app", Mode: fs.ModeDir | 0o755},
		{Path: "/L/K.app/Contents/MacOS/K", Mode: 0o755},
		{Path: "/L/K.app/Contents/Frameworks/F.framework/Versions/Current", Mode: fs.ModeSymlink | 0o777},
	}
	if ok, why := JudgeMacBundleContents(good); !ok {
		t.Errorf("a root-owned bundle refused: %s", why)
	}
	userFolder := append(append([]platform.OwnedPath{}, good...), platform.OwnedPath{Path: "/L/K.app/Contents/Resources/x", UID: 501, Mode: fs.ModeDir | 0o755})
	if ok, _ := JudgeMacBundleContents(userFolder); ok {
		t.Error("a user's folder inside the bundle was accepted")
	}
	writable := append(append([]platform.OwnedPath{}, good...), platform.OwnedPath{Path: "/L/K.app/Contents/Resources/plug", Mode: 0o666})
	if ok, _ := JudgeMacBundleContents(writable); ok {
		t.Error("a file others can write was accepted")
	}
	if ok, why := JudgeMacBundle("/users/ann/Applications/K.app", nil); ok || !strings.Contains(why, "users can write") {
		t.Errorf("a home folder in lower case: %v %s", ok, why)
	}
}
