package library

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"parley/scenarios"
)

// Limits on what Read accepts, so that a hostile pack cannot exhaust memory.
const (
	maxFileSize  = 64 << 20  // one file of a pack
	maxTotalSize = 512 << 20 // the whole pack, uncompressed
)

// Read reads the pack at name, a folder or a zip file. A file that is
// neither, or a pack with defects, gives Errors naming name, the file within
// the pack, the row and the field. Read checks the format (Validate); what
// it needs of a workspace (built-in list names, documents) storage checks.
func Read(name string) (*Pack, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	var fsys fs.FS
	if st.IsDir() {
		fsys = os.DirFS(name)
	} else {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return nil, Errors{{File: name, Msg: "not a library pack: neither a folder nor a zip file (" + err.Error() + ")"}}
		}
		var total uint64
		for _, f := range zr.File {
			total += f.UncompressedSize64
		}
		if total > maxTotalSize {
			return nil, Errors{{File: name, Msg: fmt.Sprintf("not a library pack: %d bytes uncompressed, more than %d", total, maxTotalSize)}}
		}
		fsys = zr
	}
	p, err := ReadFS(fsys)
	var es Errors
	if errors.As(err, &es) {
		es.SetFile(name)
	}
	return p, err
}

// ReadFS reads a pack from the root of fsys, or from its only folder when
// pack.json is not at the root (a zip of the pack's folder).
func ReadFS(fsys fs.FS) (*Pack, error) {
	fsys, err := packRoot(fsys)
	if err != nil {
		return nil, err
	}
	p := &Pack{Lists: scenarios.ProductLists{}, Documents: map[string][]byte{}}
	if err := readInfo(fsys, p); err != nil {
		return nil, err
	}
	var es Errors
	mb, err := readFile(fsys, MeasuresFile)
	if err != nil {
		es = append(es, &Error{Part: MeasuresFile, Msg: err.Error()})
	} else {
		ms, mes := readMeasures(bytes.NewReader(mb))
		p.Measures = ms
		es = append(es, mes...)
	}
	es = append(es, readLists(fsys, p)...)
	if err := readDocuments(fsys, p); err != nil {
		es = append(es, &Error{Part: DocumentsDir, Msg: err.Error()})
	}
	es = append(es, Validate(p, nil)...)
	if len(es) > 0 {
		return nil, es
	}
	return p, nil
}

// packRoot returns fsys when pack.json is at its root, else its only folder
// holding one (a zip of the pack's folder; macOS's __MACOSX folder aside).
func packRoot(fsys fs.FS) (fs.FS, error) {
	if _, err := fs.Stat(fsys, InfoFile); err == nil {
		return fsys, nil
	}
	entries, _ := fs.ReadDir(fsys, ".")
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), "__MACOSX") {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) != 1 {
		return nil, Errors{{Part: InfoFile, Msg: "not a library pack: no pack.json"}}
	}
	sub, err := fs.Sub(fsys, dirs[0])
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(sub, InfoFile); err != nil {
		return nil, Errors{{Part: InfoFile, Msg: "not a library pack: no pack.json"}}
	}
	return sub, nil
}

// readInfo reads pack.json into p.Info: known fields only, of this format.
func readInfo(fsys fs.FS, p *Pack) error {
	b, err := readFile(fsys, InfoFile)
	if err != nil {
		return Errors{{Part: InfoFile, Msg: err.Error()}}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p.Info); err != nil {
		return Errors{{Part: InfoFile, Msg: "not a library pack: " + err.Error()}}
	}
	if p.Info.Format != Format {
		return Errors{{Part: InfoFile, Field: "format", Msg: fmt.Sprintf("%q is not %q (a pack of another format or version)", p.Info.Format, Format)}}
	}
	return nil
}

// readLists reads lists/NAME.csv into p.Lists; every list pack.json names
// has its file.
func readLists(fsys fs.FS, p *Pack) Errors {
	var es Errors
	entries, err := fs.ReadDir(fsys, ListsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		es = append(es, &Error{Part: ListsDir, Msg: err.Error()})
	}
	for _, e := range entries {
		part := ListsDir + "/" + e.Name()
		name, ok := strings.CutSuffix(e.Name(), ".csv")
		if e.IsDir() || !ok || !ValidListName(name) {
			es = append(es, &Error{Part: part, Msg: "not a list: a list is lists/NAME.csv, NAME of lower-case letters, digits, '-' and '_'"})
			continue
		}
		b, err := readFile(fsys, path.Join(ListsDir, e.Name()))
		if err != nil {
			es = append(es, &Error{Part: part, Msg: err.Error()})
			continue
		}
		codes, les := readList(b)
		for _, le := range les {
			le.Part = part
		}
		es = append(es, les...)
		li := p.Info.Lists[name]
		p.Lists[name] = &scenarios.ProductList{Name: name, Title: li.Title, Source: li.Source, Codes: codes}
	}
	for name := range p.Info.Lists {
		if p.Lists[name] == nil {
			es = append(es, &Error{Part: InfoFile, Field: "lists." + name, Msg: "no file lists/" + name + ".csv"})
		}
	}
	return es
}

func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("missing")
		}
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxFileSize {
		return nil, fmt.Errorf("larger than %d bytes", maxFileSize)
	}
	return b, nil
}

// readList reads lists/NAME.csv: a code per row (in the first column),
// dots and spaces allowed, an optional header row; codes come out sorted
// and without duplicates.
func readList(b []byte) ([]string, Errors) {
	var es Errors
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	var codes []string
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			es = append(es, &Error{Row: row, Msg: "not CSV: " + err.Error()})
			break
		}
		cell := strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff"))
		if cell == "" {
			continue
		}
		c, ok := cell, allDigits(cell)
		if !ok {
			c, ok = scenarios.NormalizeCode(cell)
		}
		if !ok {
			if row == 1 && strings.ContainsFunc(cell, func(r rune) bool { return r >= 'A' && r <= 'z' }) {
				continue // the header
			}
			es = append(es, &Error{Row: row, Field: "code", Msg: fmt.Sprintf("%q is not a code of 2 to 10 digits", cell)})
			continue
		}
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return slices.Compact(codes), es
}

func readDocuments(fsys fs.FS, p *Pack) error {
	if _, err := fs.Stat(fsys, DocumentsDir); err != nil {
		return nil
	}
	return fs.WalkDir(fsys, DocumentsDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := readFile(fsys, name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		p.Documents[strings.TrimPrefix(name, DocumentsDir+"/")] = b
		return nil
	})
}

// Files returns the paths of the pack's files in the order Write gives
// them, and their bytes by path.
func (p *Pack) Files() ([]string, map[string][]byte, error) {
	info := p.Info
	info.Format = Format
	info.Lists = map[string]ListInfo{}
	for name, l := range p.Lists {
		info.Lists[name] = ListInfo{Title: l.Title, Source: l.Source}
	}
	ib, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	out := map[string][]byte{InfoFile: append(ib, '\n')}
	var mb bytes.Buffer
	if err := writeMeasures(&mb, p.Measures); err != nil {
		return nil, nil, err
	}
	out[MeasuresFile] = mb.Bytes()
	names := []string{InfoFile, MeasuresFile}
	for _, name := range p.Lists.Names() {
		var b bytes.Buffer
		b.WriteString("code\n")
		for _, c := range p.Lists[name].Codes {
			b.WriteString(c)
			b.WriteByte('\n')
		}
		f := ListsDir + "/" + name + ".csv"
		out[f] = b.Bytes()
		names = append(names, f)
	}
	docs := make([]string, 0, len(p.Documents))
	for d := range p.Documents {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	for _, d := range docs {
		f := DocumentsDir + "/" + d
		out[f] = p.Documents[d]
		names = append(names, f)
	}
	return names, out, nil
}

// WriteZip writes the pack as a zip file; the same pack gives the same bytes.
func (p *Pack) WriteZip(w io.Writer) error {
	names, files, err := p.Files()
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range names {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		if _, err := f.Write(files[n]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// WriteDir writes the pack into the folder dir, which must not exist or be
// empty.
func (p *Pack) WriteDir(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is a folder that is not empty", dir)
	}
	names, files, err := p.Files()
	if err != nil {
		return err
	}
	for _, n := range names {
		target := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(target), 0o777); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[n], 0o666); err != nil {
			return err
		}
	}
	return nil
}

// allDigits reports whether s is a code as stored: 2 to 10 ASCII digits.
func allDigits(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
