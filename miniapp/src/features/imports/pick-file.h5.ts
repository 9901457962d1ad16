import { IMPORT_STRINGS as S } from './strings'

export interface ChosenFile {
  name: string
  content: string
}

/**
 * H5 variant: the browser's own file dialog through a file input, read as UTF-8 text. Null when nothing is
 * chosen. The input is kept in the page (hidden), so tests can set its file. (Mini-program: pick-file.ts.)
 */
export function chooseImportFile(): Promise<ChosenFile | null> {
  let input = document.getElementById('national-import-file') as HTMLInputElement | null
  if (!input) {
    input = document.createElement('input')
    input.id = 'national-import-file'
    input.type = 'file'
    input.accept = '.csv,.json,.txt,text/csv,application/json'
    input.className = 'visually-hidden'
    input.setAttribute('aria-label', S.fileInputLabel)
    document.body.appendChild(input)
  }
  const picker = input
  return new Promise((resolve, reject) => {
    picker.onchange = () => {
      const file = picker.files?.[0]
      picker.value = ''
      if (!file) return resolve(null)
      file.text().then((content) => resolve({ name: file.name, content }), reject)
    }
    picker.oncancel = () => resolve(null)
    picker.click()
  })
}
