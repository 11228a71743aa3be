package present

import "testing"

func TestTabSeparated(t *testing.T) {
	in := "code,name,value\nA,\"Stone, glass\",1.5\nB,\"two\nlines\",2\n# Title\n# Source: \"x\"\n"
	got, err := TabSeparated([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "code\tname\tvalue\nA\tStone, glass\t1.5\nB\ttwo lines\t2\n\nTitle\nSource: \"x\"\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
