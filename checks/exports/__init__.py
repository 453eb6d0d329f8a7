"""Opening exports safely and recognising them; what each platform's export is."""
