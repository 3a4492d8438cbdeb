package deptest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "transitionhelper"

// pkg is one package of the module as its files say, all build tags at
// once (a Windows-only import counts like any other).
type pkg struct {
	path    string              // import path
	imports map[string][]string // import path → the files (not tests) importing it
	tests   map[string][]string // the same for _test.go files
	files   []*ast.File         // the files that are not tests, for the call rule
	names   []string
}

// goFiles is the module root and every Go file under it, skipping
// testdata, build and hidden folders.
func goFiles(t *testing.T) (string, []string) {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", root, err)
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "testdata" || name == "build" || strings.HasPrefix(name, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return root, files
}

// load reads every package under the module root, skipping testdata.
func load(t *testing.T) map[string]*pkg {
	t.Helper()
	root, files := goFiles(t)
	fset := token.NewFileSet()
	pkgs := map[string]*pkg{}
	for _, path := range files {
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		ip := module
		if rel != "." {
			ip += "/" + filepath.ToSlash(rel)
		}
		p := pkgs[ip]
		if p == nil {
			p = &pkg{path: ip, imports: map[string][]string{}, tests: map[string][]string{}}
			pkgs[ip] = p
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		test := strings.HasSuffix(path, "_test.go")
		for _, im := range f.Imports {
			to, _ := strconv.Unquote(im.Path.Value)
			if test {
				p.tests[to] = append(p.tests[to], filepath.Base(path))
			} else {
				p.imports[to] = append(p.imports[to], filepath.Base(path))
			}
		}
		if !test {
			p.files = append(p.files, f)
			p.names = append(p.names, filepath.Base(path))
		}
	}
	if len(pkgs) < 10 {
		t.Fatalf("found only %d packages: is the walk at the module root?", len(pkgs))
	}
	return pkgs
}

// deps lists what from imports, directly or through other packages of the
// module, outside tests.
func deps(pkgs map[string]*pkg, from string) map[string]bool {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(ip string) {
		p := pkgs[ip]
		if p == nil {
			return
		}
		for to := range p.imports {
			if !seen[to] {
				seen[to] = true
				walk(to)
			}
		}
	}
	walk(from)
	return seen
}

func under(ip, prefix string) bool { return ip == prefix || strings.HasPrefix(ip, prefix+"/") }

// rel is an import path without the module's name: app/doctor, platform/act.
func rel(ip string) string { return strings.TrimPrefix(ip, module+"/") }

// TestImportRules are the house's rules; each failure says the rule and
// the file that breaks it.
func TestImportRules(t *testing.T) {
	pkgs := load(t)
	const (
		ui          = module + "/app/ui"
		cli         = module + "/app/cli"
		wizard      = module + "/app/wizard"
		service     = module + "/app/service"
		servicetest = module + "/app/service/servicetest"
		doctor      = module + "/app/doctor"
		platform    = module + "/platform"
		acl         = platform + "/acl"
		trust       = platform + "/trust"
		results     = platform + "/results"
		act         = platform + "/act"
	)
	for _, must := range []string{ui, cli, wizard, service, servicetest, doctor, platform, acl, trust, results, act} {
		if pkgs[must] == nil {
			t.Fatalf("package %s not found: the rules below would check nothing", must)
		}
	}

	// The two doors are siblings: neither reaches the other, even through
	// a third package.
	if deps(pkgs, ui)[cli] {
		t.Errorf("app/ui depends on app/cli: the window and the command line are siblings over app/service")
	}
	if deps(pkgs, cli)[ui] {
		t.Errorf("app/cli depends on app/ui: the window and the command line are siblings over app/service")
	}
	// The window's step machine is the window's: the command line and
	// everything below the doors do without it.
	for ip := range pkgs {
		if ip == ui || ip == module || pkgs[ip] == nil {
			continue
		}
		if files, ok := pkgs[ip].imports[wizard]; ok {
			t.Errorf("%s imports app/wizard (%s): only the window moves through the steps", ip, strings.Join(files, ", "))
		}
	}
	if deps(pkgs, cli)[wizard] {
		t.Errorf("app/cli depends on app/wizard through another package")
	}

	for ip, p := range pkgs {
		for to, files := range p.imports {
			where := ip + " (" + strings.Join(files, ", ") + ")"
			switch {
			// Fyne: the window, and main which opens it.
			case strings.HasPrefix(to, "fyne.io/") && ip != ui && ip != module:
				t.Errorf("%s imports %s: Fyne belongs to app/ui and main only", where, to)
			// gopsutil and x/sys: reading and changing the computer is platform's.
			case strings.HasPrefix(to, "github.com/shirou/gopsutil") && !under(ip, platform):
				t.Errorf("%s imports %s: gopsutil belongs to platform only", where, to)
			case strings.HasPrefix(to, "golang.org/x/sys") && !under(ip, platform):
				t.Errorf("%s imports %s: x/sys belongs to platform only", where, to)
			// Test doubles never reach a build of the app.
			case to == servicetest || to == module+"/app/doctor/doctortest" || under(to, module+"/app/internal/testtmp") ||
				to == platform+"/xvfbtest" || to == platform+"/platformtest":
				t.Errorf("%s imports %s outside a test: test doubles stay in tests", where, to)
			// The doors and the packages they use stay below the service:
			// nothing but the service and main reaches down into the doors.
			case (to == ui || to == cli) && ip != module:
				t.Errorf("%s imports %s: only main opens a door", where, to)
			// What starts programs or writes results is reached through
			// the service (and main, which wires and tells): servicetest
			// is a test double, kept out of builds above; act may write
			// results. Tests may import both.
			case (to == act || to == results) && ip != service && ip != module &&
				!(to == results && (ip == servicetest || ip == act)):
				t.Errorf("%s imports %s: only app/service and main start programs or write results", where, to)
			}
		}
	}

	// platform's packages by concern, acyclic and in layers: platform
	// (reads, shared types) imports none of them; acl (the DACL rule)
	// only platform; trust and results platform and acl; act any of them.
	// Nothing that only reads imports what acts.
	layers := map[string][]string{
		platform: nil,
		acl:      {platform},
		trust:    {platform, acl},
		results:  {platform, acl},
		act:      {platform, acl, trust, results},
	}
	for ip, may := range layers {
		for to, files := range pkgs[ip].imports {
			if !under(to, platform) || slices.Contains(may, to) {
				continue
			}
			rule := "platform imports none of its packages: they rest on it"
			if len(may) > 0 {
				var names []string
				for _, m := range may {
					names = append(names, rel(m))
				}
				rule = rel(ip) + " may import only " + strings.Join(names, ", ")
			}
			t.Errorf("%s (%s) imports %s: %s", rel(ip), strings.Join(files, ", "), rel(to), rule)
		}
	}

	// The doctor changes nothing: it reaches neither package that acts,
	// not even through another package.
	for to := range deps(pkgs, doctor) {
		if to == act || to == results {
			t.Errorf("app/doctor depends on %s%s: the doctor changes nothing", rel(to), through(pkgs, doctor, to))
		}
	}

	// A door reaches the computer only through the service: from platform
	// and its packages it may use types, constants and error values, never
	// a function, whether called, stored or dot-imported.
	for _, from := range []string{platform, acl, trust, results, act} {
		funcs := platformFuncs(pkgs[from])
		short := from[strings.LastIndex(from, "/")+1:]
		for _, door := range []string{ui, cli} {
			for i, f := range pkgs[door].files {
				name := importName(f, from)
				if name == "" {
					continue
				}
				if name == "." {
					t.Errorf("%s (%s) dot-imports %s: a door names what it uses of platform", door, pkgs[door].names[i], rel(from))
					continue
				}
				ast.Inspect(f, func(n ast.Node) bool {
					sel, ok := n.(*ast.SelectorExpr)
					if !ok {
						return true
					}
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == name && funcs[sel.Sel.Name] && !doorMay[door+" "+short+"."+sel.Sel.Name] {
						t.Errorf("%s (%s) uses %s.%s: a door reaches the computer only through service.Computer (or main hands it the function)",
							door, pkgs[door].names[i], short, sel.Sel.Name)
					}
					return true
				})
			}
		}
	}

	// Nothing outside platform sets platform's variables (a test may): one
	// such line could turn a check off for the whole program.
	for ip, p := range pkgs {
		if ip == platform || strings.HasPrefix(ip, platform+"/") {
			continue
		}
		for i, f := range p.files {
			for _, from := range []string{platform, acl, trust, results, act} {
				name := importName(f, from)
				if name == "" {
					continue
				}
				if name == "." {
					t.Errorf("%s (%s) dot-imports %s: what is used of platform is named", rel(ip), p.names[i], rel(from))
					continue
				}
				ast.Inspect(f, func(n ast.Node) bool {
					as, ok := n.(*ast.AssignStmt)
					if !ok {
						return true
					}
					for _, lhs := range as.Lhs {
						if sel, ok := lhs.(*ast.SelectorExpr); ok {
							if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
								t.Errorf("%s (%s) sets %s.%s: only platform's own code and tests may", rel(ip), p.names[i], rel(from), sel.Sel.Name)
							}
						}
					}
					return true
				})
			}
		}
	}
}

// doorMay lists the platform functions a door may use, each with its reason.
var doorMay = map[string]bool{
	// `uninstall` refuses to run elevated before it asks anything: reading
	// the process's own token, which changes nothing (docs/architecture.md).
	module + "/app/cli platform.ElevatedUser": true,
}

// through names a chain of imports by which from reaches to, for the
// message of a rule broken through another package.
func through(pkgs map[string]*pkg, from, to string) string {
	prev := map[string]string{}
	queue := []string{from}
	for len(queue) > 0 {
		ip := queue[0]
		queue = queue[1:]
		if pkgs[ip] == nil {
			continue
		}
		for next := range pkgs[ip].imports {
			if _, seen := prev[next]; seen || next == from {
				continue
			}
			prev[next] = ip
			if next == to {
				chain := []string{to}
				for at := ip; at != from; at = prev[at] {
					chain = append([]string{at}, chain...)
				}
				if len(chain) == 1 {
					return " (" + strings.Join(pkgs[from].imports[to], ", ") + ")"
				}
				for i := range chain {
					chain[i] = rel(chain[i])
				}
				return " through " + strings.Join(chain[:len(chain)-1], " → ")
			}
			queue = append(queue, next)
		}
	}
	return ""
}

// platformFuncs lists a package's exported functions (not methods).
func platformFuncs(p *pkg) map[string]bool {
	out, all := map[string]bool{}, map[string]bool{}
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				all[fd.Name.Name] = true
				if fd.Name.IsExported() {
					out[fd.Name.Name] = true
				}
			}
		}
	}
	// Exported variables holding a function count as functions: of a
	// function type, or set to a function literal or to one of the
	// package's functions.
	for _, f := range p.files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if !n.IsExported() {
						continue
					}
					_, isFunc := vs.Type.(*ast.FuncType)
					if i < len(vs.Values) {
						switch v := vs.Values[i].(type) {
						case *ast.FuncLit:
							isFunc = true
						case *ast.Ident:
							isFunc = isFunc || all[v.Name]
						}
					}
					if isFunc {
						out[n.Name] = true
					}
				}
			}
		}
	}
	return out
}

// importName is the name a file gives an import, "" if it does not import it.
func importName(f *ast.File, path string) string {
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == path {
			if im.Name != nil {
				return im.Name.Name
			}
			return path[strings.LastIndex(path, "/")+1:]
		}
	}
	return ""
}

// TestRulesSeeEveryBuild: the walk reads files of every system, so a
// Windows-only import is held to the rules too.
func TestRulesSeeEveryBuild(t *testing.T) {
	pkgs := load(t)
	p := pkgs[module+"/platform"]
	if !slices.ContainsFunc(p.names, func(n string) bool { return strings.HasSuffix(n, "_windows.go") }) ||
		!slices.ContainsFunc(p.names, func(n string) bool { return strings.HasSuffix(n, "_darwin.go") }) {
		t.Errorf("platform's files as read: %v; want its _windows.go and _darwin.go ones too", p.names)
	}
}
