package platform

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"syscall"
)

func verifyMacApp(app, teamID string) error {
	req, err := MacAppRequirement(teamID)
	if err != nil {
		return err
	}
	var chain []OwnedPath
	for p := path.Clean(app); ; p = path.Dir(p) {
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok {
			return fmt.Errorf("no owner for %s", p)
		}
		chain = append(chain, OwnedPath{Path: p, UID: st.Uid, Mode: fi.Mode()})
		if p == "/" {
			break
		}
	}
	if ok, why := JudgeMacBundle(app, chain); !ok {
		return fmt.Errorf("not trusted: %s", why)
	}
	// Apple's own tool, by its absolute path: the signature, every nested
	// piece of code, and the requirement that it is Kaspersky's Developer ID.
	var out bytes.Buffer
	cmd := exec.Command("/usr/bin/codesign", "--verify", "--deep", "--strict", "-R="+req, app)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("codesign: %s: %w", bytes.TrimSpace(out.Bytes()), err)
	}
	return nil
}
