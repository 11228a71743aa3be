package dataview

import (
	"slices"
	"testing"
)

// Each file the data views ask for starts where the user expects it and
// shows only the files the view reads: trade data in the trade data
// folder, a list's codes beside the workspace, a library pack as a zip.
func TestFileRequests(t *testing.T) {
	v, nav := newTestView(t)
	lv := v.showLists()
	c := lv.newDialog()
	nav.files = nil
	v.ImportDataset()
	lv.d.openFile(c.loadFile)
	v.UpdateLibrary()
	if len(nav.files) != 3 {
		t.Fatalf("%d file dialogs asked for, want 3", len(nav.files))
	}
	for i, tc := range []struct {
		what   string
		folder Folder
		ext    string
	}{
		{"open the trade data", FolderData, ".xlsx"},
		{"read the list", FolderWorkspace, ".tsv"},
		{"read the library pack", FolderDefault, ".zip"},
	} {
		r := nav.files[i]
		if r.What != tc.what || r.Folder != tc.folder || r.Save || !slices.Contains(r.Exts, tc.ext) || r.Use == nil {
			t.Errorf("request %d: %+v, want %q in folder %d with %s", i, r, tc.what, tc.folder, tc.ext)
		}
	}
}
