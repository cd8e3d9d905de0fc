export function banner() {
  return render('Spring sale');
}
