// Command fakeuninstaller stands in for Kaspersky's uninstaller in the Wine
// tests: it deletes the Uninstall registry key named by -key (as a real
// uninstaller removes its own entry) and exits with -exit. -wait keeps it
// running for a while first, as a real uninstaller's window would; then
// -env writes the environment it was given to that file, one NAME=value a
// line, so a test can read what an elevated child inherits (and, when the
// file never appears, that it was ended before it got there).
package main

import (
	"flag"
	"os"
	"strings"
	"time"

	"golang.org/x/sys/windows/registry"
)

func main() {
	key := flag.String("key", "", `Uninstall key to delete, such as SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\FakeKaspersky`)
	exit := flag.Int("exit", 0, "exit code")
	env := flag.String("env", "", "file to write the environment to")
	wait := flag.Duration("wait", 0, "how long to run before exiting")
	flag.Parse()
	time.Sleep(*wait)
	if *env != "" {
		if err := os.WriteFile(*env, []byte(strings.Join(os.Environ(), "\n")+"\n"), 0o644); err != nil {
			os.Exit(92)
		}
	}
	// Like a real uninstaller, it removes its entry only when it succeeds.
	if *key != "" && (*exit == 0 || *exit == 3010 || *exit == 1641) {
		parent, name := (*key)[:strings.LastIndexByte(*key, '\\')], (*key)[strings.LastIndexByte(*key, '\\')+1:]
		k, err := registry.OpenKey(registry.LOCAL_MACHINE, parent, registry.ALL_ACCESS|registry.WOW64_64KEY)
		if err != nil {
			os.Exit(90)
		}
		if err := registry.DeleteKey(k, name); err != nil {
			os.Exit(91)
		}
		k.Close()
	}
	os.Exit(*exit)
}
