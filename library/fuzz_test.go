package library_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"parley/library"
)

// FuzzReadMeasures: any measures.csv is refused or read to a pack that
// writes and reads back to the same pack.
func FuzzReadMeasures(f *testing.F) {
	var b bytes.Buffer
	p := samplePack()
	_, files, err := p.Files()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(files[library.MeasuresFile])
	f.Add([]byte("id,label,imposer,rate,source\nX,Y,US,25%,Z\n"))
	f.Add([]byte("id,label,imposer,rate,source,include\nX,Y,US,0.1,Z,(none)\n"))
	f.Fuzz(func(t *testing.T, csv []byte) {
		fsys := fstest.MapFS{
			library.InfoFile:      {Data: files[library.InfoFile]},
			library.MeasuresFile:  {Data: csv},
			"lists/mine.csv":      {Data: files["lists/mine.csv"]},
			"documents/annex.txt": {Data: []byte("x")},
		}
		q, err := library.ReadFS(fsys)
		if err != nil {
			return
		}
		b.Reset()
		if err := q.WriteZip(&b); err != nil {
			t.Fatal(err)
		}
		_, files2, err := q.Files()
		if err != nil {
			t.Fatal(err)
		}
		fsys[library.MeasuresFile] = &fstest.MapFile{Data: files2[library.MeasuresFile]}
		r, err := library.ReadFS(fsys)
		if err != nil {
			t.Fatalf("a pack read does not read back: %v", err)
		}
		if d := library.Compare(q, r); !d.Empty() {
			var s bytes.Buffer
			d.Write(&s)
			t.Fatalf("a pack read back differs:\n%s", s.String())
		}
	})
}
