package platform

import (
	"io/fs"
	"strings"
	"testing"
)

func TestJudgeMacBundle(t *testing.T) {
	root := func(p string, mode fs.FileMode) OwnedPath { return OwnedPath{Path: p, UID: 0, Mode: fs.ModeDir | mode} }
	real := []OwnedPath{
		root("/Library/Application Support/Kaspersky Lab/KAV/Kaspersky Uninstaller.app", 0o755),
		root("/Library/Application Support/Kaspersky Lab/KAV", 0o755),
		root("/Library/Application Support/Kaspersky Lab", 0o755),
		root("/Library/Application Support", 0o755),
		root("/Library", 0o755),
		root("/", 0o755),
	}
	apps := []OwnedPath{root("/Applications/Kaspersky Uninstaller.app", 0o755), root("/Applications", 0o775), root("/", 0o755)}
	apps[1].Mode = fs.ModeDir | 0o775 // real /Applications: root:admin rwxrwxr-x
	for _, tt := range []struct {
		name, app string
		chain     []OwnedPath
		why       string
	}{
		{"Kaspersky's own, root-owned", real[0].Path, real, ""},
		{"in a user's Applications", "/Users/ann/Applications/Kaspersky Uninstaller.app", nil, "users can write"},
		{"owned by the user", real[0].Path, append([]OwnedPath{{Path: real[0].Path, UID: 501, Mode: fs.ModeDir | 0o755}}, real[1:]...), "owned by user 501"},
		{"a folder above writable by all", real[0].Path, append(append([]OwnedPath{}, real[:2]...), append([]OwnedPath{root("/Library/Application Support/Kaspersky Lab", 0o777)}, real[3:]...)...), "can be changed by others"},
		{"admin group may write /Applications", apps[0].Path, apps, "can be changed by others"},
		{"a link in the chain", real[0].Path, append([]OwnedPath{{Path: real[0].Path, Mode: fs.ModeSymlink | 0o777}}, real[1:]...), "is a link"},
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
