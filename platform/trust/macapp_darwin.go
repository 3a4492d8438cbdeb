package trust

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"time"

	"transitionhelper/platform"
)

func verifyMacApp(app, teamID string) error {
	req, err := MacAppRequirement(teamID)
	if err != nil {
		return err
	}
	var chain []platform.OwnedPath
	for p := path.Clean(app); ; p = path.Dir(p) {
		o, err := platform.PathOwner(p)
		if err != nil {
			return err
		}
		chain = append(chain, o)
		if p == "/" {
			break
		}
	}
	if ok, why := JudgeMacBundle(app, chain); !ok {
		return fmt.Errorf("not trusted: %s", why)
	}
	var inside []platform.OwnedPath
	err = filepath.WalkDir(app, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		o, err := platform.PathOwner(p)
		if err != nil {
			return err
		}
		inside = append(inside, o)
		if len(inside) > 200000 {
			return errors.New("the bundle holds too many files")
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading %s: %w", app, err)
	}
	if ok, why := JudgeMacBundleContents(inside); !ok {
		return fmt.Errorf("not trusted: %s", why)
	}
	// Apple's own tool, by its absolute path: the signature, every nested
	// piece of code, and the requirement that it is Kaspersky's Developer ID.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "/usr/bin/codesign", "--verify", "--deep", "--strict", "-R="+req, app)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("codesign: %s: %w", bytes.TrimSpace(out.Bytes()), err)
	}
	return nil
}
