package refdata

import (
	"encoding/json"
	"slices"
	"testing"

	"parley/assets"
)

// readLists reads every list of text, in EncodeLists' form.
func readLists(text string) (names []string, codes [][]string, err error) {
	for text != "" {
		var name string
		var c []string
		if name, c, text, err = nextList(text, nil); err != nil {
			return nil, nil, err
		}
		names, codes = append(names, name), append(codes, c)
	}
	return names, codes, nil
}

// TestListsRoundTrip checks that the lists' text reads back the lists and
// codes written, in their order.
func TestListsRoundTrip(t *testing.T) {
	rows := [][]string{{"a", "01"}, {"a", "0203294000"}, {"a", "87"}, {"b-2", "7208"}}
	data, err := EncodeLists(rows)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a 01 0203294000 87\nb-2 7208\n"; string(data) != want {
		t.Errorf("wrote %q, want %q", data, want)
	}
	names, codes, err := readLists(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(names, []string{"a", "b-2"}) || !slices.Equal(codes[0], []string{"01", "0203294000", "87"}) || !slices.Equal(codes[1], []string{"7208"}) {
		t.Errorf("read %q %q", names, codes)
	}
	if data, err := EncodeLists(nil); err != nil || len(data) != 0 {
		t.Errorf("no rows: %q, %v", data, err)
	}
}

// TestListsReject checks that bad rows are not written and that a text with
// a bad code, codes out of order or a last line cut short is an error.
func TestListsReject(t *testing.T) {
	for name, rows := range map[string][][]string{
		"short code":   {{"a", "1"}},
		"letters":      {{"a", "72O8"}},
		"eleven":       {{"a", "72081000000"}},
		"no name":      {{"", "7208"}},
		"space":        {{"a b", "7208"}},
		"three fields": {{"a", "7208", "x"}},
		"split list":   {{"a", "7208"}, {"b", "7209"}, {"a", "7210"}},
	} {
		if data, err := EncodeLists(rows); err == nil {
			t.Errorf("%s: wrote %q", name, data)
		}
	}
	for name, text := range map[string]string{
		"unsorted": "a 7209 7208\n",
		"repeated": "a 7208 7208\n",
		"bad code": "a 7208 x\n",
		"cut":      "a 7208\nb 7209",
		"double":   "a 7208  7209\n",
	} {
		if names, codes, err := readLists(text); err == nil {
			t.Errorf("%s: read %q %q", name, names, codes)
		}
	}
}

// TestListCodesAreTheEmbeddedFile checks that the lists' codes read without
// a copy are the file of the same name, and that LoadLists gives each list
// the codes of its line.
func TestListCodesAreTheEmbeddedFile(t *testing.T) {
	b, err := embeddedText(assets.ProductListsFile)
	if err != nil {
		t.Fatal(err)
	}
	if assets.ListCodes() != b {
		t.Fatalf("ListCodes gives %d bytes, the file has %d", len(assets.ListCodes()), len(b))
	}
	names, codes, err := readLists(b)
	if err != nil {
		t.Fatal(err)
	}
	lists, err := LoadLists()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(lists) || len(names) == 0 {
		t.Fatalf("%d lists in %s, LoadLists gives %d", len(names), assets.ProductListsFile, len(lists))
	}
	for i, name := range names {
		if l := lists[name]; l == nil || !slices.Equal(l.Codes, codes[i]) {
			t.Errorf("list %s: LoadLists does not give the codes of its line", name)
		}
	}
	raw, err := embeddedText(assets.ProductListIndexFile)
	if err != nil {
		t.Fatal(err)
	}
	var index []listIndex
	if err := json.Unmarshal([]byte(raw), &index); err != nil {
		t.Fatal(err)
	}
	gen := assets.ProductLists()
	if len(gen) != len(index) || len(index) != len(names) {
		t.Fatalf("%d lists in Go, %d in %s, %d in %s", len(gen), len(index), assets.ProductListIndexFile, len(names), assets.ProductListsFile)
	}
	for i, want := range index {
		got := gen[i]
		if got.Name != want.Name || got.Title != want.Title || got.Source != want.Source || names[i] != want.Name || len(got.Codes) != want.Codes {
			t.Errorf("list %d: Go gives %s %q %q (%d codes), %s gives %s %q %q (%d codes)", i, got.Name, got.Title, got.Source, len(got.Codes),
				assets.ProductListIndexFile, want.Name, want.Title, want.Source, want.Codes)
		}
		if l := lists[want.Name]; l == nil || l.Title != want.Title || l.Source != want.Source || cap(l.Codes) != len(l.Codes) {
			t.Errorf("list %s: LoadLists does not give its title and source, or its codes are not capped", want.Name)
		}
	}
}

// listIndex is one entry of products/lists.json.
type listIndex struct {
	Name          string `json:"name"`
	Title         string `json:"title"`
	Source        string `json:"source"`
	File          string `json:"file"`
	Codes         int    `json:"codes"`
	EffectiveDate string `json:"effective_date"`
	Dated         *struct {
		Codes int    `json:"codes"`
		Date  string `json:"date"`
	} `json:"dated"`
}
