// Command productsgen derives the reference data that package assets embeds
// (data/*.csv, data/SOURCES.md and products/*), and the legal texts that
// package seeds embeds as built-in evidence documents, from the project's
// reference data folder. Run it through go generate in assets/:
//
//	go generate ./assets
//
// or by hand: go run ./productsgen -shared ../../shared -out . -seeds ../seeds
package main

import (
	"flag"
	"fmt"
	"os"

	"parley/assets/productsgen/gen"
)

func main() {
	shared := flag.String("shared", "../../shared", "the reference data folder (holding data/)")
	out := flag.String("out", ".", "the assets folder to write into")
	seeds := flag.String("seeds", "../seeds", "the seeds folder to write the built-in evidence documents into")
	flag.Parse()
	files, err := gen.Generate(*shared, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "productsgen:", err)
		os.Exit(1)
	}
	evidence, err := gen.GenerateEvidence(*shared, *seeds)
	if err != nil {
		fmt.Fprintln(os.Stderr, "productsgen:", err)
		os.Exit(1)
	}
	files = append(files, evidence...)
	var total int
	for _, f := range files {
		total += len(f.Data)
	}
	fmt.Printf("productsgen: wrote %d files, %d bytes\n", len(files), total)
}
