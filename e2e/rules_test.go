package e2e

// Rules on the source itself, read with go/parser: process-global changes
// happen only in the main package, no folder grows past what one reader can
// hold, and no function outgrows a screen unless it only lays out widgets.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sourceFile is one parsed non-test Go file of the module.
type sourceFile struct {
	rel   string // slash path from the module root
	dir   string // slash path of its folder ("." at the root)
	lines int
	fset  *token.FileSet
	file  *ast.File
}

// sourceFiles parses every non-test Go file of the module, whatever its
// build constraints (a file for one OS counts too), outside testdata and
// hidden folders.
func sourceFiles(t *testing.T) []sourceFile {
	t.Helper()
	var out []sourceFile
	err := filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != moduleRoot && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(moduleRoot, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		out = append(out, sourceFile{rel: rel, dir: filepath.ToSlash(filepath.Dir(rel)), lines: strings.Count(string(src), "\n"),
			fset: fset, file: f})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no Go file found under the module root")
	}
	return out
}

// processGlobals are the calls that change the whole process: its
// environment, its default loggers, Fyne's URI repositories and the MIME
// types, by import path and function.
var processGlobals = map[string][]string{
	"os":                                 {"Setenv", "Unsetenv", "Clearenv"},
	"log/slog":                           {"SetDefault", "SetLogLoggerLevel"},
	"log":                                {"SetOutput", "SetFlags", "SetPrefix"},
	"fyne.io/fyne/v2/storage/repository": {"Register"},
	"mime":                               {"AddExtensionType"},
}

// mayChangeProcess reports whether a file may change the whole process:
// only the main package at the module root, main.go and its per-system
// halves (main_windows.go).
func mayChangeProcess(f sourceFile) bool {
	return f.dir == "." && f.file.Name.Name == "main" && strings.HasPrefix(filepath.Base(f.rel), "main")
}

// TestProcessGlobalsOnlyInMain: a package that changed the environment, the
// default logger, a URI repository or the MIME types would change them for
// every other package and every test in the process; only main does.
func TestProcessGlobalsOnlyInMain(t *testing.T) {
	for _, f := range sourceFiles(t) {
		if mayChangeProcess(f) {
			continue
		}
		names := map[string]string{} // local name -> import path
		for _, imp := range f.file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if _, ok := processGlobals[path]; !ok {
				continue
			}
			local := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				local = imp.Name.Name
			}
			names[local] = path
		}
		if len(names) == 0 {
			continue
		}
		ast.Inspect(f.file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, ok := sel.X.(*ast.Ident)
			if !ok || x.Obj != nil { // x.Obj is set for a local variable
				return true
			}
			if path, ok := names[x.Name]; ok && slices.Contains(processGlobals[path], sel.Sel.Name) {
				t.Errorf("%s:%d uses %s.%s: only main.go changes the whole process", f.rel,
					f.fset.Position(sel.Pos()).Line, path, sel.Sel.Name)
			}
			return true
		})
	}
}

// maxFolderLines is the most non-test lines one folder (one package) holds.
const maxFolderLines = 5000

// TestFolderSizes: no folder holds more than maxFolderLines lines of
// non-test Go written by hand (a generated file, data laid out as Go, is not
// split along seams but regenerated).
func TestFolderSizes(t *testing.T) {
	lines := map[string]int{}
	for _, f := range sourceFiles(t) {
		if ast.IsGenerated(f.file) {
			continue
		}
		lines[f.dir] += f.lines
	}
	for _, dir := range slices.Sorted(func(yield func(string) bool) {
		for d := range lines {
			if !yield(d) {
				return
			}
		}
	}) {
		if lines[dir] > maxFolderLines {
			t.Errorf("%s holds %d non-test lines of Go, more than %d: split it along its seams", dir, lines[dir], maxFolderLines)
		}
	}
}

// maxFuncLines is the longest a function may be, from func to its closing
// brace, unless it only lays out widgets.
const maxFuncLines = 60

// layoutFuncs are the functions of app/ui and its packages, by receiver and
// name, that only build and arrange widgets: a long list of containers
// reads best in one piece. A function that also decides, loads, saves or
// computes is not one of them.
var layoutFuncs = map[string]bool{
	"newAppMenu":       true, // the menus and their items
	"newExposurePanel": true,
	"newProductsView":  true,
	"(*View).layout":   true, // positionview: the choices, the three panes and the exports
}

// funcName is a function's name with its receiver's type, as in
// "(*View).layout" or "newMeasureForm".
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	typ := fn.Recv.List[0].Type
	star := ""
	if s, ok := typ.(*ast.StarExpr); ok {
		star, typ = "*", s.X
	}
	if ix, ok := typ.(*ast.IndexExpr); ok {
		typ = ix.X
	}
	if ix, ok := typ.(*ast.IndexListExpr); ok {
		typ = ix.X
	}
	name := "?"
	if id, ok := typ.(*ast.Ident); ok {
		name = id.Name
	}
	return fmt.Sprintf("(%s%s).%s", star, name, fn.Name.Name)
}

// TestFunctionLengths: no function of non-generated code is longer than
// maxFuncLines lines, except the layout functions of the window.
func TestFunctionLengths(t *testing.T) {
	used := map[string]bool{}
	for _, f := range sourceFiles(t) {
		if ast.IsGenerated(f.file) {
			continue
		}
		for _, d := range f.file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			n := f.fset.Position(fn.End()).Line - f.fset.Position(fn.Pos()).Line + 1
			if n <= maxFuncLines {
				continue
			}
			name := funcName(fn)
			if (f.dir == "app/ui" || strings.HasPrefix(f.dir, "app/ui/")) && layoutFuncs[name] {
				used[name] = true
				continue
			}
			t.Errorf("%s: %s is %d lines long, more than %d", f.rel, name, n, maxFuncLines)
		}
	}
	for name := range layoutFuncs {
		if !used[name] {
			t.Errorf("layout function %s is no longer over %d lines (or is gone): take it off the list", name, maxFuncLines)
		}
	}
}
