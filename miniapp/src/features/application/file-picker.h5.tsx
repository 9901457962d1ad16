import '@/components/action-button/index.scss'
import type { ChangeEvent } from 'react'
import type { FilePickerProps } from './file-picker'
import { ACCEPTED_TYPES, contentTypeFor, pickedFileName, type PickedFile } from './picked-file'

/**
 * H5 variant: a real file input (PDF, JPG, PNG) inside a label styled as our button, so the
 * browser's own picker opens, keyboards and screen readers reach it, and tests can set its files.
 */
export function FilePicker({ label, text, disabled = false, onPick, accept = ACCEPTED_TYPES }: FilePickerProps) {
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Clear it, so choosing the same file again still counts as a change.
    event.target.value = ''
    if (!file) return
    const picked: PickedFile = { name: pickedFileName(file.name), size: file.size, contentType: file.type || contentTypeFor(file.name), path: URL.createObjectURL(file) }
    onPick(picked)
  }
  return (
    <label className={`action-button action-button--secondary action-button--sm file-picker${disabled ? ' action-button--disabled' : ''}`}>
      <input className='visually-hidden' type='file' accept={accept} aria-label={label} disabled={disabled} onChange={change} />
      <span aria-hidden='true'>{text}</span>
    </label>
  )
}
