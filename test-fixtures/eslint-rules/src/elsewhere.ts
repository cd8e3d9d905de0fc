// A flag registered in code only, by a stand-alone annotation nobody imports.
// @flag annotated-elsewhere @expires 2027-01-01 @owner team-web
export {};
